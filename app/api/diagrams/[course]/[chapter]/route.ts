import { withDatabaseErrors } from "@/lib/api/database-errors";
import { jsonError } from "@/lib/api/http";
import { findSheetDiagrams, sheetDiagramEdits } from "@/lib/diagrams/chapter-diagrams";

type Context = { params: Promise<{ course: string; chapter: string }> };

/** GET /api/diagrams/<course>/<chapter> → { edits: [{ diagramKey, source, updatedAt, originalChanged }] } */
export const GET = withDatabaseErrors(async function GET(_request: Request, context: Context) {
  const { course, chapter } = await context.params;
  const sheet = await findSheetDiagrams(course, chapter);
  if (!sheet) return jsonError(404, "there is no written chapter here", "chapter");
  return Response.json({ edits: await sheetDiagramEdits(sheet) });
});
