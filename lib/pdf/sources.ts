import { loadChapterPage } from "@/lib/content/chapter";
import { loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import type { ContentError } from "@/lib/content/errors";
import { loadSheet, type CompiledSheet } from "@/lib/content/sheet";

/** A chapter with its compiled sheet: something that can be printed. */
export interface PrintableChapter {
  entry: ChapterEntry;
  sheet: CompiledSheet;
}

/** Why nothing can be printed: unknown (404) or content errors to fix (422). */
export type NotPrintable =
  { kind: "not-found"; error: string } | { kind: "content-errors"; error: string; errors: ContentError[] };

/** A chapter as its printed page titles it: the sheet's own titles (the course list may word them differently). */
export interface PrintedTitle {
  number: number;
  title: string;
  titleKr?: string;
}

export function printedTitle({ entry, sheet }: PrintableChapter): PrintedTitle {
  return { number: entry.number, title: sheet.title, titleKr: sheet.titleKr ?? entry.titleKr };
}

export type ChapterToPrint = NotPrintable | { kind: "printable"; course: Course; chapter: PrintableChapter };
export type CourseToPrint = NotPrintable | { kind: "printable"; course: Course; chapters: PrintableChapter[] };

/** The chapter a PDF is asked for, or why it cannot be printed. */
export async function chapterToPrint(courseId: string, chapterParam: string): Promise<ChapterToPrint> {
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind === "not-found")
    return { kind: "not-found", error: `there is no chapter "${chapterParam}" in a course "${courseId}"` };
  if (lookup.kind === "course-errors")
    return { kind: "content-errors", error: `the course "${courseId}" has content errors`, errors: lookup.errors };
  const { course, chapter, sheet } = lookup.data;
  if (sheet === null)
    return { kind: "not-found", error: `chapter ${chapter.number} of "${course.id}" is not written yet` };
  if (!sheet.ok)
    return {
      kind: "content-errors",
      error: `chapter ${chapter.number} of "${course.id}" has content errors`,
      errors: sheet.errors,
    };
  return { kind: "printable", course, chapter: { entry: chapter, sheet: sheet.sheet } };
}

/** Every written chapter of a course, in order, or why the course cannot be printed as a booklet. */
export async function courseToPrint(courseId: string): Promise<CourseToPrint> {
  const result = loadCourse(courseId);
  if (!result) return { kind: "not-found", error: `there is no course "${courseId}"` };
  if (!result.ok)
    return { kind: "content-errors", error: `the course "${courseId}" has content errors`, errors: result.errors };
  const { course } = result;
  const chapters: PrintableChapter[] = [];
  const errors: ContentError[] = [];
  const broken: number[] = [];
  for (const entry of course.chapters) {
    const sheet = await loadSheet(course, entry);
    if (!sheet) continue;
    if (sheet.ok) {
      chapters.push({ entry, sheet: sheet.sheet });
    } else {
      broken.push(entry.number);
      errors.push(...sheet.errors);
    }
  }
  if (errors.length > 0) {
    const which = broken.length === 1 ? `chapter ${broken[0]} has` : `chapters ${broken.join(", ")} have`;
    return { kind: "content-errors", error: `${which} content errors: fix them to print the course`, errors };
  }
  if (chapters.length === 0)
    return { kind: "not-found", error: `the course "${courseId}" has no written chapter to print yet` };
  return { kind: "printable", course, chapters };
}
