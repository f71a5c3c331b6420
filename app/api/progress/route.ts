import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseInput, parseJsonRequest } from "@/lib/api/http";
import { findNoteChapter } from "@/lib/notes/chapter-lookup";
import { getProgress, updateProgress } from "@/lib/progress/repository";
import { NOTE_REQUEST_MAX_BYTES, progressQuerySchema, progressUpdateSchema } from "@/lib/notes/schemas";

const unknownChapter = (course: string, chapter: number) =>
  jsonError(404, `there is no chapter ${chapter} in course "${course}"`, "chapter");

/** GET /api/progress?course=&chapter= → { course, chapter, status, lastVisitedAt }. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(progressQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const { course, chapter } = query.data;
  if (!findNoteChapter(course, chapter)) return unknownChapter(course, chapter);
  return Response.json(await getProgress(course, chapter));
});

/** POST /api/progress { course, chapter, status?, visited? } → the chapter's progress. */
export const POST = withDatabaseErrors(async function POST(request: Request) {
  const input = await parseJsonRequest(request, progressUpdateSchema, NOTE_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  if (!findNoteChapter(input.data.course, input.data.chapter))
    return unknownChapter(input.data.course, input.data.chapter);
  return Response.json(await updateProgress(input.data));
});
