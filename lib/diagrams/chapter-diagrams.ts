import { loadChapterPage } from "@/lib/content/chapter";
import type { DiagramInfo } from "@/lib/content/mdx/remark-sheet";
import type { CompiledSheet } from "@/lib/content/sheet";
import { listDiagramEdits, type DiagramEdit } from "./repository";
import { sourceHash } from "./source-hash";
import type { DiagramEditJson } from "./types";

/** What the diagram edits of a chapter hang on: the sheet's own diagrams, as in content/. */
export type SheetDiagrams = Pick<CompiledSheet, "course" | "chapter" | "diagrams">;

/** The diagrams of a chapter's sheet, or null when there is no such chapter or no valid sheet. */
export async function findSheetDiagrams(courseId: string, chapterParam: string): Promise<SheetDiagrams | null> {
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind !== "found" || !lookup.data.sheet?.ok) return null;
  const { course, chapter, diagrams } = lookup.data.sheet.sheet;
  return { course, chapter, diagrams };
}

export function findDiagram(sheet: SheetDiagrams, diagramKey: string): DiagramInfo | undefined {
  return sheet.diagrams.find((diagram) => diagram.key === diagramKey);
}

export function toDiagramEditJson(edit: DiagramEdit, original: DiagramInfo): DiagramEditJson {
  return {
    diagramKey: edit.diagramKey,
    source: edit.source,
    updatedAt: edit.updatedAt.toISOString(),
    originalChanged: edit.originalHash !== sourceHash(original.code),
  };
}

/**
 * The user's edits of a sheet's diagrams. An edit of a diagram the sheet no longer has (its
 * section was renamed or the diagram removed) is kept in the database but not shown.
 */
export async function sheetDiagramEdits(sheet: SheetDiagrams): Promise<DiagramEditJson[]> {
  const edits = await listDiagramEdits(sheet.course, sheet.chapter);
  return edits.flatMap((edit) => {
    const original = findDiagram(sheet, edit.diagramKey);
    return original ? [toDiagramEditJson(edit, original)] : [];
  });
}

/**
 * The edits a page sends with a sheet so its diagrams draw without asking the API first: none to
 * read for a sheet without diagrams; undefined when the database cannot answer now, and the
 * browser then fetches them itself (and says so if that fails too).
 */
export async function sheetDiagramEditsForPage(sheet: SheetDiagrams): Promise<DiagramEditJson[] | undefined> {
  return sheet.diagrams.length > 0 ? sheetDiagramEdits(sheet).catch(() => undefined) : [];
}
