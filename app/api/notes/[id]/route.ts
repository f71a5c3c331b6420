import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseJsonRequest, refuseCrossSite } from "@/lib/api/http";
import { deleteNote, getNote, toNoteJson, updateNote } from "@/lib/notes/repository";
import { NOTE_REQUEST_MAX_BYTES, noteIdSchema, updateNoteSchema } from "@/lib/notes/schemas";

type Context = { params: Promise<{ id: string }> };

const notFound = () => jsonError(404, "there is no note with this id", "id");

/** The id from the URL, or null when it cannot be a note id (answered as unknown: 404). */
async function noteId(context: Context): Promise<string | null> {
  const { id } = await context.params;
  return noteIdSchema.safeParse(id).success ? id : null;
}

/** GET /api/notes/<id> → the note; a deleted one too (with deletedAt), so it can be restored. */
export const GET = withDatabaseErrors(async function GET(_request: Request, context: Context) {
  const id = await noteId(context);
  const note = id ? await getNote(id) : null;
  return note ? Response.json(toNoteJson(note)) : notFound();
});

/** PATCH /api/notes/<id> { body?, section?, sectionTitle?, timestamp?, version } → 200, or 409 with the current note. */
export const PATCH = withDatabaseErrors(async function PATCH(request: Request, context: Context) {
  const input = await parseJsonRequest(request, updateNoteSchema, NOTE_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  const id = await noteId(context);
  if (!id) return notFound();
  const result = await updateNote(id, input.data);
  if (result.kind === "missing") return notFound();
  if (result.kind === "conflict") {
    const error = result.note.deletedAt
      ? "this note was deleted"
      : `this note changed since version ${input.data.version}`;
    return Response.json({ error, field: "version", note: toNoteJson(result.note) }, { status: 409 });
  }
  return Response.json(toNoteJson(result.note));
});

/** DELETE /api/notes/<id> → 204; the note goes to the bin (POST …/restore brings it back). */
export const DELETE = withDatabaseErrors(async function DELETE(request: Request, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const id = await noteId(context);
  if (!id || (await deleteNote(id)) === "missing") return notFound();
  return new Response(null, { status: 204 });
});
