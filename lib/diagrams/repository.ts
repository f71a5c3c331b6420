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
