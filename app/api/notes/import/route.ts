import { failureResponse, parseJsonRequest } from "@/lib/api/http";
import { importNotes } from "@/lib/notes/repository";
import { IMPORT_REQUEST_MAX_BYTES, notesFileSchema } from "@/lib/notes/schemas";

/** POST /api/notes/import with a JSON export → { imported, skipped }; notes already here are skipped. */
export async function POST(request: Request) {
  const file = await parseJsonRequest(request, notesFileSchema, IMPORT_REQUEST_MAX_BYTES);
  if (!file.ok) return failureResponse(file);
  return Response.json(await importNotes(file.data.notes));
}
