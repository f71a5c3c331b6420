import { jsonError } from "@/lib/api/http";
import type { BookletProgressAnswer } from "@/lib/pdf/booklet-answers";
import { bookletJobOr404, parsePdfQuery } from "@/lib/pdf/responses";

type Context = { params: Promise<{ course: string }> };

/**
 * GET /api/pdf/<course>/progress?job=<id> → { state, phase, done, total, error?, install? } of a
 * booklet started by POST /api/pdf/<course>: `done` of `total` sheets printed so far.
 */
export async function GET(request: Request, context: Context) {
  const { course } = await context.params;
  const query = parsePdfQuery(request.url);
  if (!query.ok) return query.response;
  if (!query.job) return jsonError(400, "job: give the id answered by POST /api/pdf/<course>", "job");
  const job = bookletJobOr404(course, query.job);
  if (job instanceof Response) return job;
  const { status } = job;
  const failure =
    status.state === "failed"
      ? { error: status.failure.error, install: status.failure.install, status: status.failure.status }
      : {};
  const answer: BookletProgressAnswer = { job: job.id, state: status.state, ...status.progress, ...failure };
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
}
