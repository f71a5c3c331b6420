import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, parseJsonRequest } from "@/lib/api/http";
import { findNoteChapter } from "@/lib/notes/chapter-lookup";
import { importNotes } from "@/lib/notes/repository";
import { IMPORT_REQUEST_MAX_BYTES, notesFileSchema } from "@/lib/notes/schemas";

/**
 * POST /api/notes/import with a JSON export → { imported, restored, updated, kept, orphaned }:
 * deleted notes come back, the newer copy of a note wins, nothing is duplicated.
 */
export const POST = withDatabaseErrors(async function POST(request: Request) {
  const file = await parseJsonRequest(request, notesFileSchema, IMPORT_REQUEST_MAX_BYTES);
  if (!file.ok) return failureResponse(file);
  const isKnownChapter = (course: string, chapter: number) => findNoteChapter(course, chapter) !== null;
  return Response.json(await importNotes(file.data.notes, isKnownChapter));
});
