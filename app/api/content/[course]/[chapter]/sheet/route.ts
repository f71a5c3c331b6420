import { revalidatePath } from "next/cache";
import { failureResponse, jsonError, parseJsonRequest } from "@/lib/api/http";
import { readSheetFile, resolveSheetTarget, saveSheetFile } from "@/lib/studio/sheet-files";
import { SHEET_REQUEST_MAX_BYTES, saveSheetSchema } from "@/lib/studio/schemas";

type Params = Promise<{ course: string; chapter: string }>;

// Always read the file as it is now: the studio and other editors change it while the app runs.
export const dynamic = "force-dynamic";

/** GET /api/content/<course>/<n>/sheet → { source, hash } of sheet.mdx (both null before the first save). */
export async function GET(_request: Request, { params }: { params: Params }) {
  const { course, chapter } = await params;
  const lookup = resolveSheetTarget(course, chapter);
  if (!lookup.ok) return jsonError(lookup.status, lookup.error, lookup.field);
  return Response.json(readSheetFile(lookup.target));
}

/** PUT { source, baseHash } → 200 { hash, errors }, 409 { source, hash } when the file changed since baseHash. */
export async function PUT(request: Request, { params }: { params: Params }) {
  const input = await parseJsonRequest(request, saveSheetSchema, SHEET_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  const { course, chapter } = await params;
  const lookup = resolveSheetTarget(course, chapter);
  if (!lookup.ok) return jsonError(lookup.status, lookup.error, lookup.field);

  const result = await saveSheetFile(lookup.target, input.data.source, input.data.baseHash);
  if (result.kind === "conflict") return Response.json({ source: result.source, hash: result.hash }, { status: 409 });
  // The chapter and print pages are built ahead; they (and so the PDF) show the new text from the next request.
  const base = `/courses/${lookup.target.course.id}/${lookup.target.chapter.number}`;
  for (const page of [base, `${base}/print`, `/courses/${lookup.target.course.id}`]) revalidatePath(page);
  return Response.json({ hash: result.hash, errors: result.errors });
}
