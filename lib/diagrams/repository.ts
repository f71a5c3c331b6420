import "server-only";
import { db } from "@/lib/db";
import type { DiagramEdit } from "@/generated/prisma/client";

export type { DiagramEdit };

export interface DiagramRef {
  course: string;
  chapter: number;
  diagramKey: string;
}

export function listDiagramEdits(course: string, chapter: number): Promise<DiagramEdit[]> {
  return db.diagramEdit.findMany({ where: { course, chapter }, orderBy: { diagramKey: "asc" } });
}

export function getDiagramEdit(ref: DiagramRef): Promise<DiagramEdit | null> {
  return db.diagramEdit.findUnique({ where: { course_chapter_diagramKey: ref } });
}

/** Creates or replaces the user's version of one diagram. */
export function saveDiagramEdit(ref: DiagramRef, source: string, originalHash: string): Promise<DiagramEdit> {
  return db.diagramEdit.upsert({
    where: { course_chapter_diagramKey: ref },
    create: { ...ref, source, originalHash },
    update: { source, originalHash },
  });
}

/** Back to the original; true when there was an edit to remove. */
export async function deleteDiagramEdit(ref: DiagramRef): Promise<boolean> {
  const { count } = await db.diagramEdit.deleteMany({ where: ref });
  return count > 0;
}

/** How many diagrams of each chapter of a course are edited, and when the last edit was made. */
export async function diagramEditSummary(
  course: string,
): Promise<{ chapter: number; count: number; lastEditAt: Date | null }[]> {
  const rows = await db.diagramEdit.groupBy({
    by: ["chapter"],
    where: { course },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return rows.map((row) => ({ chapter: row.chapter, count: row._count._all, lastEditAt: row._max.updatedAt }));
}
