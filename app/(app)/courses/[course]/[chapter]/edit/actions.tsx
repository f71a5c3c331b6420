"use server";

import type { ReactNode } from "react";
import { Sheet } from "@/components/sheet/Sheet";
import type { ContentError } from "@/lib/content/errors";
import { compileSheetPreview } from "@/lib/studio/preview";

export interface PreviewAnswer {
  errors: ContentError[];
  /** The rendered sheet (the same server component as the chapter page), null when it has errors. */
  page: ReactNode;
}

/** The studio's live preview: unsaved text → the sheet rendered on the server, streamed as RSC. */
export async function previewSheet(course: string, chapter: string, source: string): Promise<PreviewAnswer> {
  const preview = await compileSheetPreview(course, chapter, source);
  if (preview.kind === "refused") return { errors: [{ file: "", line: 1, message: preview.error }], page: null };
  const { result, target } = preview;
  if (!result.ok) return { errors: result.errors, page: null };
  return {
    errors: [],
    page: <Sheet sheet={result.sheet} courseTitle={target.course.title} startSeconds={target.chapter.startSeconds} />,
  };
}
