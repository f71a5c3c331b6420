"use server";

import { Sheet } from "@/components/sheet/Sheet";
import type { StudioPreview } from "@/components/studio/Studio";
import { compileSheetPreview } from "@/lib/studio/preview";

/**
 * The studio's live preview: unsaved text → the sheet rendered on the server by the same Sheet
 * component as the chapter page, sent to the browser as React Server Component data.
 */
export async function previewSheet(course: string, chapter: string, source: string): Promise<StudioPreview> {
  const preview = await compileSheetPreview(course, chapter, source);
  if (preview.kind === "refused") return { errors: [{ file: "", line: 1, message: preview.error }], page: null };
  const { result, target } = preview;
  if (!result.ok) return { errors: result.errors, page: null };
  return {
    errors: [],
    page: <Sheet sheet={result.sheet} courseTitle={target.course.title} startSeconds={target.chapter.startSeconds} />,
  };
}
