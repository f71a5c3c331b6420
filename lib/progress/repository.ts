/** The one owner of the ChapterProgress table: study status and last visit of each chapter. */
import "server-only";
import type { ChapterProgress } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { keepValidRows, readOrReadAround } from "@/lib/db/readable-rows";
import {
  CHAPTER_RANGE,
  STORED_DATE_RANGE,
  storedProgressSchema,
  type ProgressJson,
  type ProgressUpdate,
} from "@/lib/notes/schemas";
import { progressStatus, type ProgressStatus } from "./status";

/** A ChapterProgress row as the library needs it. */
export interface ProgressRow {
  course: string;
  chapter: number;
  status: string;
  lastVisitedAt: Date | null;
}

function toProgressJson(course: string, chapter: number, row: ChapterProgress | null): ProgressJson {
  return {
    course,
    chapter,
    status: progressStatus(row?.status),
    lastVisitedAt: row?.lastVisitedAt?.toISOString() ?? null,
  };
}

/** Rows whose values can all be read back: a row written outside the app with others is left out. */
const READABLE_PROGRESS = {
  chapter: CHAPTER_RANGE,
  updatedAt: STORED_DATE_RANGE,
  OR: [{ lastVisitedAt: null }, { lastVisitedAt: STORED_DATE_RANGE }],
};

const keyOf = (row: { course: string; chapter: number }) => `${row.course}/${row.chapter}`;

/** A chapter's progress; a stored row that cannot be read counts as not started (logged). */
export async function getProgress(course: string, chapter: number): Promise<ProgressJson> {
  const where = { course_chapter: { course, chapter } };
  const row = await readOrReadAround(
    "ChapterProgress",
    `${course}/${chapter}`,
    () => db.chapterProgress.findUnique({ where }),
    () => db.chapterProgress.findUnique({ where: { ...where, ...READABLE_PROGRESS } }),
  );
  const usable = row && keepValidRows("ChapterProgress", [row], storedProgressSchema, keyOf).rows[0];
  return toProgressJson(course, chapter, usable ?? null);
}

/** Sets the status and/or records a visit. */
export async function updateProgress({ course, chapter, status, visited }: ProgressUpdate): Promise<ProgressJson> {
  const changes: { status?: ProgressStatus; lastVisitedAt?: Date } = {};
  if (status) changes.status = status;
  if (visited) changes.lastVisitedAt = new Date();
  const row = await db.chapterProgress.upsert({
    where: { course_chapter: { course, chapter } },
    create: { course, chapter, ...changes },
    update: changes,
  });
  return toProgressJson(course, chapter, row);
}

/** Every progress row, or one course's; rows that cannot be read back are logged and left out. */
export async function listProgressRows(course?: string): Promise<ProgressRow[]> {
  const where = course ? { course } : {};
  const select = { course: true, chapter: true, status: true, lastVisitedAt: true };
  const rows = await readOrReadAround(
    "ChapterProgress",
    course ? `rows of ${course}` : "rows",
    () => db.chapterProgress.findMany({ where, select }),
    () => db.chapterProgress.findMany({ where: { ...where, ...READABLE_PROGRESS }, select }),
  );
  return keepValidRows("ChapterProgress", rows, storedProgressSchema, keyOf).rows;
}
