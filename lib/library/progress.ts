import type { Course } from "@/lib/content/course";
import type { ProgressRow } from "@/lib/progress/repository";
import { progressStatus } from "@/lib/progress/status";

export interface CourseProgress {
  chapters: number;
  written: number;
  done: number;
  studying: number;
  /** Done chapters as a share of all chapters, 0–100, rounded down (100 only when all are done). */
  percent: number;
  /** The chapter visited last, to continue from. */
  lastStudied?: { number: number; title: string; at: Date };
}

/** A course's progress from its progress rows (rows of chapters the course no longer lists are ignored). */
export function courseProgress(course: Course, rows: ProgressRow[]): CourseProgress {
  const byChapter = new Map(rows.filter((row) => row.course === course.id).map((row) => [row.chapter, row]));
  let done = 0;
  let studying = 0;
  let lastStudied: CourseProgress["lastStudied"];
  for (const chapter of course.chapters) {
    const row = byChapter.get(chapter.number);
    const status = progressStatus(row?.status);
    if (status === "done") done++;
    if (status === "studying") studying++;
    if (row?.lastVisitedAt && (!lastStudied || row.lastVisitedAt > lastStudied.at)) {
      lastStudied = { number: chapter.number, title: chapter.title, at: row.lastVisitedAt };
    }
  }
  const chapters = course.chapters.length;
  return {
    chapters,
    written: course.chapters.filter((chapter) => chapter.hasSheet).length,
    done,
    studying,
    percent: chapters === 0 ? 0 : Math.floor((done / chapters) * 100),
    ...(lastStudied ? { lastStudied } : {}),
  };
}
