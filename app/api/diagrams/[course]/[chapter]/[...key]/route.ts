import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseJsonRequest, refuseCrossSite } from "@/lib/api/http";
import { findDiagram, findSheetDiagrams, toDiagramEditJson } from "@/lib/diagrams/chapter-diagrams";
import { deleteDiagramEdit, getDiagramEdit, saveDiagramEdit } from "@/lib/diagrams/repository";
import { DIAGRAM_REQUEST_MAX_BYTES, diagramKeySchema, saveDiagramEditSchema } from "@/lib/diagrams/schemas";
import { sourceHash } from "@/lib/diagrams/source-hash";

type Context = { params: Promise<{ course: string; chapter: string; key: string[] }> };

type Found =
  | { missing: Response }
  | { ref: Parameters<typeof getDiagramEdit>[0]; original: NonNullable<ReturnType<typeof findDiagram>> };

/** The diagram the URL names, as written in content/, or the 400 (malformed key) or 404 to answer. */
async function lookUp(context: Context): Promise<Found> {
  const { course, chapter, key } = await context.params;
  const sheet = await findSheetDiagrams(course, chapter);
  if (!sheet) return { missing: jsonError(404, "there is no written chapter here", "chapter") };
  const parsedKey = diagramKeySchema.safeParse(key.join("/"));
  if (!parsedKey.success) {
    return { missing: jsonError(400, parsedKey.error.issues[0]?.message ?? "bad diagram key", "diagramKey") };
  }
  const diagramKey = parsedKey.data;
  const original = findDiagram(sheet, diagramKey);
  if (!original) return { missing: jsonError(404, `the sheet has no diagram "${diagramKey}"`, "diagramKey") };
  return { ref: { course: sheet.course, chapter: sheet.chapter, diagramKey }, original };
}

/** GET /api/diagrams/<course>/<chapter>/<section>/<n> → { diagramKey, original, edit | null } */
export const GET = withDatabaseErrors(async function GET(_request: Request, context: Context) {
  const found = await lookUp(context);
  if ("missing" in found) return found.missing;
  const edit = await getDiagramEdit(found.ref);
  return Response.json({
    diagramKey: found.ref.diagramKey,
    original: found.original.code,
    edit: edit ? toDiagramEditJson(edit, found.original) : null,
  });
});

/** PUT { source } → 200 with the saved edit; the sheet, print and PDF then draw this source. */
export const PUT = withDatabaseErrors(async function PUT(request: Request, context: Context) {
  const input = await parseJsonRequest(request, saveDiagramEditSchema, DIAGRAM_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  const found = await lookUp(context);
  if ("missing" in found) return found.missing;
  const edit = await saveDiagramEdit(found.ref, input.data.source, sourceHash(found.original.code));
  return Response.json(toDiagramEditJson(edit, found.original));
});

/** DELETE → 204: back to the diagram as written in content/. */
export const DELETE = withDatabaseErrors(async function DELETE(request: Request, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const found = await lookUp(context);
  if ("missing" in found) return found.missing;
  await deleteDiagramEdit(found.ref);
  return new Response(null, { status: 204 });
});
