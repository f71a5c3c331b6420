import { jsonError } from "@/lib/api/http";
import { resolveSheetTarget } from "@/lib/studio/sheet-files";
import { listSheetVersions } from "@/lib/studio/sheet-history";

type Params = Promise<{ course: string; chapter: string }>;

export const dynamic = "force-dynamic";

/** GET → { versions: [{ id, savedAt, bytes }] }, newest first. */
export async function GET(_request: Request, { params }: { params: Params }) {
  const { course, chapter } = await params;
  const lookup = resolveSheetTarget(course, chapter);
  if (!lookup.ok) return jsonError(lookup.status, lookup.error, lookup.field);
  return Response.json({ versions: listSheetVersions(lookup.target.course.id, lookup.target.chapter.number) });
}
