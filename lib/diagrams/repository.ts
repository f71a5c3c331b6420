import "server-only";
import { db } from "@/lib/db";
import { keepValidRows, readOrReadAround } from "@/lib/db/readable-rows";
import { CHAPTER_RANGE, STORED_DATE_RANGE } from "@/lib/notes/schemas";
import type { DiagramEdit } from "@/generated/prisma/client";
import { storedDiagramEditSchema } from "./schemas";

export type { DiagramEdit };

export interface DiagramRef {
  course: string;
  chapter: number;
  diagramKey: string;
}

/** Rows whose dates can be read back: a row written outside the app with others is left out. */
const READABLE_EDIT = { createdAt: STORED_DATE_RANGE, updatedAt: STORED_DATE_RANGE };

const keyOf = (edit: DiagramEdit) => `${edit.course}/${edit.chapter}/${edit.diagramKey}`;

/** A chapter's diagram edits; rows that cannot be read back are logged and left out (the original is drawn). */
export async function listDiagramEdits(course: string, chapter: number): Promise<DiagramEdit[]> {
  const query = { where: { course, chapter }, orderBy: { diagramKey: "asc" } } as const;
  const rows = await readOrReadAround(
    "DiagramEdit",
    `rows of ${course}/${chapter}`,
    () => db.diagramEdit.findMany(query),
    () => db.diagramEdit.findMany({ ...query, where: { ...query.where, ...READABLE_EDIT } }),
  );
  return keepValidRows("DiagramEdit", rows, storedDiagramEditSchema, keyOf).rows;
}

export async function getDiagramEdit(ref: DiagramRef): Promise<DiagramEdit | null> {
  const edit = await readOrReadAround(
    "DiagramEdit",
    `${ref.course}/${ref.chapter}/${ref.diagramKey}`,
    () => db.diagramEdit.findUnique({ where: { course_chapter_diagramKey: ref } }),
    () => db.diagramEdit.findUnique({ where: { course_chapter_diagramKey: ref, ...READABLE_EDIT } }),
  );
  return (edit && keepValidRows("DiagramEdit", [edit], storedDiagramEditSchema, keyOf).rows[0]) ?? null;
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
  const summary = (where: { course: string; updatedAt?: typeof STORED_DATE_RANGE }) =>
    db.diagramEdit.groupBy({
      by: ["chapter"],
      where: { ...where, chapter: CHAPTER_RANGE },
      _count: { _all: true },
      _max: { updatedAt: true },
    });
  const rows = await readOrReadAround(
    "DiagramEdit",
    `summary of ${course}`,
    () => summary({ course }),
    () => summary({ course, updatedAt: STORED_DATE_RANGE }),
  );
  return rows.map((row) => ({ chapter: row.chapter, count: row._count._all, lastEditAt: row._max.updatedAt }));
}
