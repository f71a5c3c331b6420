import { findChapter, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";

/**
 * The course and chapter a note belongs to, or null when the content has no such chapter (or the
 * course has content errors): notes are only written for chapters that exist. lib/content keeps
 * each course parsed until its files change, so this reads only course.yaml and the folder list.
 */
export function findNoteChapter(courseId: string, number: number): { course: Course; chapter: ChapterEntry } | null {
  const result = loadCourse(courseId);
  if (!result?.ok) return null;
  const chapter = findChapter(result.course, number);
  return chapter ? { course: result.course, chapter } : null;
}
