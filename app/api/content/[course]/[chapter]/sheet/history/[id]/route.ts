import { jsonError } from "@/lib/api/http";
import { resolveSheetTarget } from "@/lib/studio/sheet-files";
import { readSheetVersion } from "@/lib/studio/sheet-history";

type Params = Promise<{ course: string; chapter: string; id: string }>;

/** GET → { id, source } of one saved version (restoring = loading it into the editor and saving). */
export async function GET(_request: Request, { params }: { params: Params }) {
  const { course, chapter, id } = await params;
  const lookup = resolveSheetTarget(course, chapter);
  if (!lookup.ok) return jsonError(lookup.status, lookup.error, lookup.field);
  const source = readSheetVersion(lookup.target.course.id, lookup.target.chapter.number, id);
  return source === null ? jsonError(404, `there is no saved version "${id}"`, "id") : Response.json({ id, source });
}
