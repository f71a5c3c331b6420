import type { Course } from "@/lib/content/course";
import type { ProgressRow } from "@/lib/progress/repository";
import { progressStatus } from "@/lib/progress/status";

export interface CourseProgress {
  chapters: number;
  /** Chapters with a sheet that compiles (broken ones are counted apart). */
  written: number;
  /** Chapters whose sheet has content errors. */
  broken: number;
  done: number;
  studying: number;
  /** Done chapters as a share of all chapters, 0–100, rounded down (100 only when all are done). */
  percent: number;
  /**
   * Where "Continue" goes: the readable chapter visited last (with when), else the first readable
   * chapter not done yet. Readable means it has a sheet without errors.
   */
  continueWith?: { number: number; title: string; at?: Date };
}

/**
 * A course's progress from its progress rows (rows of chapters the course no longer lists are
 * ignored) and its broken chapters (chapter number → error count).
 */
export function courseProgress(
  course: Course,
  rows: ProgressRow[],
  broken: ReadonlyMap<number, number> = new Map(),
): CourseProgress {
  const byChapter = new Map(rows.filter((row) => row.course === course.id).map((row) => [row.chapter, row]));
  const readable = course.chapters.filter((chapter) => chapter.hasSheet && !broken.has(chapter.number));
  let done = 0;
  let studying = 0;
  let lastStudied: { number: number; title: string; at: Date } | undefined;
  for (const chapter of course.chapters) {
    const status = progressStatus(byChapter.get(chapter.number)?.status);
    if (status === "done") done++;
    if (status === "studying") studying++;
  }
  for (const chapter of readable) {
    const at = byChapter.get(chapter.number)?.lastVisitedAt;
    if (at && (!lastStudied || at > lastStudied.at)) lastStudied = { number: chapter.number, title: chapter.title, at };
  }
  const firstUnfinished = readable.find((chapter) => progressStatus(byChapter.get(chapter.number)?.status) !== "done");
  const continueWith =
    lastStudied ?? (firstUnfinished ? { number: firstUnfinished.number, title: firstUnfinished.title } : undefined);
  const chapters = course.chapters.length;
  return {
    chapters,
    written: readable.length,
    broken: course.chapters.filter((chapter) => chapter.hasSheet && broken.has(chapter.number)).length,
    done,
    studying,
    percent: chapters === 0 ? 0 : Math.floor((done / chapters) * 100),
    ...(continueWith ? { continueWith } : {}),
  };
}
