import "server-only";
import { checkCourseYaml, type CourseResult } from "@/lib/content/course";
import { displayPath } from "@/lib/content/roots";
import { compileSheetSource, type SheetResult } from "@/lib/content/sheet";
import { parseSource, type SourceResult } from "@/lib/content/source";
import { previewSheetSchema } from "./schemas";
import { resolveStudioTarget, type ChapterTarget, type CourseTarget } from "./studio-files";
import type { StudioFileKind } from "./schemas";

export type PreviewResult =
  | { kind: "sheet"; target: ChapterTarget; result: SheetResult }
  | { kind: "source"; target: ChapterTarget; result: SourceResult }
  | { kind: "course"; target: CourseTarget; result: CourseResult }
  | { kind: "refused"; error: string };

/**
 * Checks unsaved text exactly as the saved file would be read (same lib/content pipeline, same
 * checks, the file's real path in its errors), so the preview is what the pages and PDF will show.
 */
export async function compileStudioPreview(
  kind: StudioFileKind,
  courseId: string,
  chapterParam: string,
  source: unknown,
): Promise<PreviewResult> {
  const input = previewSheetSchema.safeParse({ source });
  if (!input.success) return { kind: "refused", error: input.error.issues[0]?.message ?? "invalid source" };
  const lookup = resolveStudioTarget(kind, courseId, chapterParam);
  if (!lookup.ok) return { kind: "refused", error: lookup.error };
  const { target } = lookup;
  const text = input.data.source;
  if (target.kind === "course") return { kind: "course", target, result: checkCourseYaml(target.dir, text) };
  if (target.kind === "source") return { kind: "source", target, result: parseSource(text, displayPath(target.file)) };
  const result = await compileSheetSource(text, target.file, target.course, target.chapter.number);
  return { kind: "sheet", target, result };
}
