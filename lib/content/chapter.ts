import { findChapter, loadCourse, type ChapterEntry, type Course } from "./course";
import type { ContentError } from "./errors";
import { loadSheet, type SheetResult } from "./sheet";

export interface ChapterPageData {
  course: Course;
  chapter: ChapterEntry;
  previous?: ChapterEntry;
  next?: ChapterEntry;
  /** null when the chapter has no sheet yet ("not written yet"). */
  sheet: SheetResult | null;
}

export type ChapterLookup =
  | { kind: "found"; data: ChapterPageData }
  | { kind: "course-errors"; courseId: string; errors: ContentError[] }
  | { kind: "not-found" };

/** Parses "8" (and only plain positive integers) as a chapter number. */
export function parseChapterParam(param: string): number | null {
  return /^[1-9]\d{0,1}$/.test(param) ? Number(param) : null;
}

export async function loadChapterPage(courseId: string, chapterParam: string): Promise<ChapterLookup> {
  const number = parseChapterParam(chapterParam);
  const result = loadCourse(courseId);
  if (!result || number === null) return { kind: "not-found" };
  if (!result.ok) return { kind: "course-errors", courseId, errors: result.errors };
  const { course } = result;
  const chapter = findChapter(course, number);
  if (!chapter) return { kind: "not-found" };
  const index = course.chapters.indexOf(chapter);
  return {
    kind: "found",
    data: {
      course,
      chapter,
      previous: course.chapters[index - 1],
      next: course.chapters[index + 1],
      sheet: (await loadSheet(course, chapter)) ?? null,
    },
  };
}

/** "8. Llama 3.1 base model inference", for a page's title; null for an unknown chapter. */
export async function chapterDocumentTitle(courseId: string, chapterParam: string): Promise<string | null> {
  const lookup = await loadChapterPage(courseId, chapterParam);
  return lookup.kind === "found" ? `${lookup.data.chapter.number}. ${lookup.data.chapter.title}` : null;
}
