import { describe, expect, it } from "vitest";
import { deleteDiagramEdit, diagramEditSummary, listDiagramEdits, saveDiagramEdit } from "@/lib/diagrams/repository";
import { freshDatabaseEachTest } from "../db/helpers";

freshDatabaseEachTest("diagrams.db");

const ref = (chapter: number, diagramKey: string) => ({ course: "deep-dive-llms", chapter, diagramKey });

describe("the diagram edits repository", () => {
  it("saves, replaces and removes one edit", async () => {
    await saveDiagramEdit(ref(8, "d1/1"), "flowchart LR\n  a --> b", "hash-1");
    await saveDiagramEdit(ref(8, "d1/1"), "flowchart LR\n  a --> c", "hash-1");
    expect((await listDiagramEdits("deep-dive-llms", 8)).map((edit) => edit.source)).toEqual([
      "flowchart LR\n  a --> c",
    ]);
    expect(await deleteDiagramEdit(ref(8, "d1/1"))).toBe(true);
    expect(await deleteDiagramEdit(ref(8, "d1/1"))).toBe(false);
  });

  it("sums up each chapter's edits for the thumbnails' keys", async () => {
    await saveDiagramEdit(ref(8, "d1/1"), "a", "h");
    await saveDiagramEdit(ref(8, "d2/1"), "b", "h");
    const last = await saveDiagramEdit(ref(3, "d1/1"), "c", "h");
    const summary = await diagramEditSummary("deep-dive-llms");
    expect(summary.map(({ chapter, count }) => ({ chapter, count })).sort((a, b) => a.chapter - b.chapter)).toEqual([
      { chapter: 3, count: 1 },
      { chapter: 8, count: 2 },
    ]);
    expect(summary.find((row) => row.chapter === 3)?.lastEditAt).toEqual(last.updatedAt);
    expect(await diagramEditSummary("kitchen-chemistry")).toEqual([]);
  });
});
