import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseInput } from "@/lib/api/http";
import { findNoteChapter } from "@/lib/notes/chapter-lookup";
import { chapterStudy } from "@/lib/study/queue";
import { chapterQuerySchema } from "@/lib/study/schemas";

/** GET /api/review/chapter?course=&chapter= → { cards (sheet order), counts, mastery } for in-place study. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(chapterQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const { course, chapter } = query.data;
  if (!findNoteChapter(course, chapter))
    return jsonError(404, `there is no chapter ${chapter} in course "${course}"`, "chapter");
  return Response.json(await chapterStudy(course, chapter, new Date()));
});
