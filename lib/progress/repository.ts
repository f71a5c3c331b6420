/** The one owner of the ChapterProgress table: study status and last visit of each chapter. */
import "server-only";
import type { ChapterProgress } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ProgressJson, ProgressUpdate } from "@/lib/notes/schemas";
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

export async function getProgress(course: string, chapter: number): Promise<ProgressJson> {
  const row = await db.chapterProgress.findUnique({ where: { course_chapter: { course, chapter } } });
  return toProgressJson(course, chapter, row);
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

/** Every progress row, or one course's. */
export function listProgressRows(course?: string): Promise<ProgressRow[]> {
  return db.chapterProgress.findMany({
    where: course ? { course } : {},
    select: { course: true, chapter: true, status: true, lastVisitedAt: true },
  });
}
