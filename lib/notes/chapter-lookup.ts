import { findChapter, loadCourse, type ChapterEntry, type Course, type CourseResult } from "@/lib/content/course";

/**
 * Reading a course (its YAML and folders) takes milliseconds, and every note write checks its
 * chapter: a course read is reused for a moment, so a burst of autosaves reads it once, and an
 * edited course.yaml (in development) is seen within that moment.
 */
const COURSE_CACHE_MS = 2000;
const courses = new Map<string, { result: CourseResult; readAt: number }>();

function cachedCourse(courseId: string): CourseResult | null {
  const cached = courses.get(courseId);
  if (cached && Date.now() - cached.readAt < COURSE_CACHE_MS) return cached.result;
  const result = loadCourse(courseId);
  // Only courses that exist are kept, so made-up ids in requests cannot grow the cache.
  if (result) courses.set(courseId, { result, readAt: Date.now() });
  else courses.delete(courseId);
  return result;
}

/**
 * The course and chapter a note belongs to, or null when the content has no such chapter (or the
 * course has content errors): notes are only written for chapters that exist.
 */
export function findNoteChapter(courseId: string, number: number): { course: Course; chapter: ChapterEntry } | null {
  const result = cachedCourse(courseId);
  if (!result?.ok) return null;
  const chapter = findChapter(result.course, number);
  return chapter ? { course: result.course, chapter } : null;
}
