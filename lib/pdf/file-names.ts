import type { ChapterEntry } from "@/lib/content/course";

/** "deep-dive-llms-08-llama-3-1-base-model-inference.pdf": the course, then the chapter's folder name. */
export function chapterPdfFileName(
  courseId: string,
  chapter: Pick<ChapterEntry, "slug">,
  options: { notes?: boolean; quiz?: boolean } = {},
): string {
  return `${courseId}-${chapter.slug}${options.quiz ? "-quiz" : ""}${options.notes ? "-with-notes" : ""}.pdf`;
}

/** "deep-dive-llms.pdf": the whole course as one booklet. */
export function bookletPdfFileName(courseId: string, options: { notes?: boolean; quiz?: boolean } = {}): string {
  return `${courseId}${options.quiz ? "-quiz" : ""}${options.notes ? "-with-notes" : ""}.pdf`;
}

/**
 * Shown in the browser's PDF viewer, saved under `fileName`. Course ids and chapter slugs are
 * ASCII already; the RFC 5987 form keeps any other name intact too.
 */
export function pdfContentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
