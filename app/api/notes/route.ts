import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseInput, parseJsonRequest } from "@/lib/api/http";
import { findNoteChapter } from "@/lib/notes/chapter-lookup";
import { createNote, listNotes, toNoteJson } from "@/lib/notes/repository";
import { NOTE_REQUEST_MAX_BYTES, createNoteSchema, listNotesQuerySchema } from "@/lib/notes/schemas";

/** GET /api/notes?course=&chapter=&section= → { notes } (live notes, in the order written). */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(listNotesQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const { course, chapter } = query.data;
  if (course !== undefined && chapter !== undefined && !findNoteChapter(course, chapter)) {
    return jsonError(404, `there is no chapter ${chapter} in course "${course}"`, "chapter");
  }
  const notes = await listNotes(query.data);
  return Response.json({ notes: notes.map(toNoteJson) });
});

/** POST /api/notes → 201 with the new note; 200 with the same note when a create is retried. */
export const POST = withDatabaseErrors(async function POST(request: Request) {
  const input = await parseJsonRequest(request, createNoteSchema, NOTE_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  if (!findNoteChapter(input.data.course, input.data.chapter)) {
    return jsonError(404, `there is no chapter ${input.data.chapter} in course "${input.data.course}"`, "chapter");
  }
  const result = await createNote(input.data);
  if (result.kind === "conflict") {
    return Response.json(
      { error: "another note already has this id", field: "id", note: toNoteJson(result.note) },
      { status: 409 },
    );
  }
  return Response.json(toNoteJson(result.note), { status: result.kind === "created" ? 201 : 200 });
});
