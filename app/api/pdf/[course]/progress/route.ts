import { jsonError } from "@/lib/api/http";
import { bookletJobs } from "@/lib/pdf/booklet-jobs";
import { parsePdfQuery } from "@/lib/pdf/responses";

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
  const job = bookletJobs().get(query.job);
  if (!job || job.course !== course) return jsonError(404, "there is no such booklet job (finished booklets are kept for 10 minutes)", "job");
  const { status } = job;
  const failure = status.state === "failed" ? { error: status.failure.error, install: status.failure.install, status: status.failure.status } : {};
  return Response.json({ job: job.id, state: status.state, ...status.progress, ...failure }, { headers: { "cache-control": "no-store" } });
}
