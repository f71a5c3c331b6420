import "server-only";
import { compileSheetSource, type SheetResult } from "@/lib/content/sheet";
import { previewSheetSchema } from "./schemas";
import { resolveSheetTarget, type SheetTarget } from "./sheet-files";

export type PreviewResult =
  { kind: "compiled"; target: SheetTarget; result: SheetResult } | { kind: "refused"; error: string };

/**
 * Compiles unsaved sheet text exactly as a saved one would be (same lib/content pipeline, same
 * checks, the chapter's real path in its errors), so the preview is what the page and PDF will show.
 */
export async function compileSheetPreview(
  courseId: string,
  chapterParam: string,
  source: unknown,
): Promise<PreviewResult> {
  const input = previewSheetSchema.safeParse({ source });
  if (!input.success) return { kind: "refused", error: input.error.issues[0]?.message ?? "invalid source" };
  const lookup = resolveSheetTarget(courseId, chapterParam);
  if (!lookup.ok) return { kind: "refused", error: lookup.error };
  const { target } = lookup;
  const result = await compileSheetSource(input.data.source, target.file, target.course, target.chapter.number);
  return { kind: "compiled", target, result };
}
