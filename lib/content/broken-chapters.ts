import type { Course } from "./course";
import { loadSheet } from "./sheet";

/**
 * The chapters whose sheet does not compile, each with its number of errors. Sheets go through the
 * loader's cache, so a course page compiles a sheet only when it changed.
 */
export async function brokenChapters(course: Course): Promise<Map<number, number>> {
  const broken = new Map<number, number>();
  for (const chapter of course.chapters) {
    const result = await loadSheet(course, chapter);
    if (result && !result.ok) broken.set(chapter.number, result.errors.length);
  }
  return broken;
}
