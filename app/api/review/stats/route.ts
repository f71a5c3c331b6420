import { withDatabaseErrors } from "@/lib/api/database-errors";
import { reviewStats } from "@/lib/study/queue";

/** GET /api/review/stats → { days (12 weeks of reviews), upcoming (14 days of due cards), retention } */
export const GET = withDatabaseErrors(async function GET() {
  return Response.json(await reviewStats(new Date()));
});
