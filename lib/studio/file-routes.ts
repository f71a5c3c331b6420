import "server-only";
import { revalidatePath } from "next/cache";
import { failureResponse, jsonError, parseJsonRequest } from "@/lib/api/http";
import { listVersions, readVersion } from "./file-history";
import { SHEET_REQUEST_MAX_BYTES, saveSheetSchema } from "./schemas";
import { historySlot, pagesShowing, readStudioFile, resolveStudioTarget, saveStudioFile } from "./studio-files";
import type { StudioFileKind } from "./schemas";

/**
 * The studio's file API, one set of handlers for each file it edits (sheet.mdx, source.md,
 * course.yaml): the route's course and chapter pick the file, the body never names one.
 */
type Context = { params: Promise<{ course: string; chapter?: string; id?: string }> };

async function lookup(kind: StudioFileKind, context: Context) {
  const { course, chapter = "", id = "" } = await context.params;
  return { id, found: resolveStudioTarget(kind, course, chapter) };
}

export function studioFileRoutes(kind: StudioFileKind) {
  return {
    /** GET → { source, hash } of the file (both null before the first save). */
    GET: async (_request: Request, context: Context) => {
      const { found } = await lookup(kind, context);
      if (!found.ok) return jsonError(found.status, found.error, found.field);
      return Response.json(readStudioFile(found.target));
    },
    /** PUT { source, baseHash } → 200 { hash, errors }, 409 { source, hash } when the file changed since baseHash. */
    PUT: async (request: Request, context: Context) => {
      const input = await parseJsonRequest(request, saveSheetSchema, SHEET_REQUEST_MAX_BYTES);
      if (!input.ok) return failureResponse(input);
      const { found } = await lookup(kind, context);
      if (!found.ok) return jsonError(found.status, found.error, found.field);
      const result = await saveStudioFile(found.target, input.data.source, input.data.baseHash);
      if (result.kind === "conflict")
        return Response.json({ source: result.source, hash: result.hash }, { status: 409 });
      // Pages built ahead show the new text from the next request on (and so the PDF).
      for (const page of pagesShowing(found.target)) revalidatePath(page);
      return Response.json({ hash: result.hash, errors: result.errors });
    },
  };
}

export function studioHistoryRoutes(kind: StudioFileKind) {
  return {
    /** GET …/history → { versions: [{ id, savedAt, bytes }] }, newest first. */
    GET: async (_request: Request, context: Context) => {
      const { found } = await lookup(kind, context);
      if (!found.ok) return jsonError(found.status, found.error, found.field);
      return Response.json({ versions: listVersions(historySlot(found.target)) });
    },
  };
}

export function studioVersionRoutes(kind: StudioFileKind) {
  return {
    /** GET …/history/<id> → { id, source } of one saved version (restoring = loading it into the editor and saving). */
    GET: async (_request: Request, context: Context) => {
      const { id, found } = await lookup(kind, context);
      if (!found.ok) return jsonError(found.status, found.error, found.field);
      const source = readVersion(historySlot(found.target), id);
      return source === null
        ? jsonError(404, `there is no saved version "${id}"`, "id")
        : Response.json({ id, source });
    },
  };
}
