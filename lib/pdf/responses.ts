import { z } from "zod";
import { jsonError } from "@/lib/api/http";
import { formatContentError } from "@/lib/content/errors";
import { bookletJobs, type BookletJob } from "./booklet-jobs";
import { PdfBusyError, pdfFailure } from "./errors";
import { pdfContentDisposition } from "./file-names";
import type { NotPrintable } from "./sources";

/** Seconds a client should wait before asking again when the PDF queue is full. */
const BUSY_RETRY_AFTER_S = 5;

const pdfQuerySchema = z.object({
  notes: z
    .enum(["0", "1"], { error: 'notes: "1" to add the notes pages, "0" (or nothing) for the sheets alone' })
    .optional(),
  quiz: z
    .enum(["0", "1"], { error: 'quiz: "1" to blank the answers for self-testing, "0" (or nothing) for the sheet' })
    .optional(),
  job: z.uuid({ error: "job: the id answered by POST /api/pdf/<course>" }).optional(),
});

export type PdfQuery = { ok: true; notes: boolean; quiz: boolean; job?: string } | { ok: false; response: Response };

/** The query of the PDF routes: `notes` and `quiz` (0 or 1) and, for a booklet made in the background, `job`. */
export function parsePdfQuery(requestUrl: string): PdfQuery {
  const params = new URL(requestUrl).searchParams;
  const parsed = pdfQuerySchema.safeParse({
    notes: params.get("notes") ?? undefined,
    quiz: params.get("quiz") ?? undefined,
    job: params.get("job") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, response: jsonError(400, issue?.message ?? "invalid query", String(issue?.path[0])) };
  }
  return { ok: true, notes: parsed.data.notes === "1", quiz: parsed.data.quiz === "1", job: parsed.data.job };
}

export function pdfResponse(pdf: Uint8Array, fileName: string): Response {
  return new Response(new Blob([new Uint8Array(pdf)]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": pdfContentDisposition(fileName),
      "content-length": String(pdf.byteLength),
      "cache-control": "no-store",
    },
  });
}

/** 404 for an unknown course or chapter, 422 with every content error (file:line) to fix. */
export function notPrintableResponse(reason: NotPrintable): Response {
  if (reason.kind === "not-found") return jsonError(404, reason.error);
  const errors = reason.errors.map((error) => ({ ...error, text: formatContentError(error) }));
  return Response.json({ error: reason.error, errors }, { status: 422 });
}

/** 503 when Chromium is missing (with the line that installs it) or busy, 504 when a page never got ready. */
export function pdfErrorResponse(error: unknown): Response {
  const failure = pdfFailure(error);
  if (failure.status === 500) console.error("PDF failed:", error);
  const { status, ...body } = failure;
  const headers = error instanceof PdfBusyError ? { "retry-after": String(BUSY_RETRY_AFTER_S) } : undefined;
  return Response.json(body, { status, headers });
}

/** The booklet job `id` of `course`, or the 404 to answer when there is none (or it expired). */
export function bookletJobOr404(course: string, id: string): BookletJob | Response {
  const job = bookletJobs().get(id);
  if (!job || job.course !== course) {
    return jsonError(404, "there is no such booklet job (finished booklets are kept for 10 minutes)", "job");
  }
  return job;
}
