import { withDatabaseErrors } from "@/lib/api/database-errors";
import { libraryMastery } from "@/lib/study/queue";

/** GET /api/review/mastery → { library, courses: { <id>: { mastery, chapters: { <n>: 0–1 } } } } */
export const GET = withDatabaseErrors(async function GET() {
  return Response.json(await libraryMastery(new Date()));
});
