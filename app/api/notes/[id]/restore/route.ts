import { withDatabaseErrors } from "@/lib/api/database-errors";
import { jsonError, refuseCrossSite } from "@/lib/api/http";
import { restoreNote, toNoteJson } from "@/lib/notes/repository";
import { noteIdSchema } from "@/lib/notes/schemas";

type Context = { params: Promise<{ id: string }> };

/** POST /api/notes/<id>/restore → 200 with the note back from the bin (undo of DELETE). */
export const POST = withDatabaseErrors(async function POST(request: Request, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const { id } = await context.params;
  const note = noteIdSchema.safeParse(id).success ? await restoreNote(id) : null;
  return note ? Response.json(toNoteJson(note)) : jsonError(404, "there is no note with this id", "id");
});
