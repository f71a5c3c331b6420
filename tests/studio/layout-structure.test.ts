import { describe, expect, it } from "vitest";
import { LayoutRewriteError, readLayout } from "@/lib/studio/layout-rewrite";
import {
  addRow,
  addSectionToRow,
  moveRow,
  moveSection,
  removeRow,
  removeSectionFromRow,
  setRowHeight,
  setSectionWidth,
} from "@/lib/studio/layout-structure";
import { changedLines, SHEET } from "./layout-fixture";

const lines = (text: string) => text.split("\n");
const ids = (text: string) => readLayout(text).map((row) => row.sections.map((s) => s.id));
const heights = (text: string) => readLayout(text).map((row) => row.height);
/** Everything outside the layout block: it must come through every change byte for byte. */
const outsideLayout = (text: string) => [text.slice(0, text.indexOf("layout:")), text.slice(text.indexOf("---\n\n"))];

describe("moveRow", () => {
  it("swaps a flow row with a block row, moving their whole lines and keeping the trailing comment", () => {
    const after = moveRow(SHEET, 3, -1);
    expect(ids(after)).toEqual([["title"], ["what-is-inference", "coin-flip"], ["a", "b"], ["generation"]]);
    expect(heights(after)).toEqual([10, 25, 20, 45]);
    expect(lines(after).slice(8, 12)).toEqual([
      "  - { height: 20, sections: [{ id: a, width: 60 }, { id: b, width: 40 }] } # last row",
      "  - height: 45",
      "    sections:",
      "      - generation",
    ]);
    expect(outsideLayout(after)).toEqual(outsideLayout(SHEET));
    expect(moveRow(after, 2, 1)).toBe(SHEET);
  });

  it("leaves the file alone at either end", () => {
    expect(moveRow(SHEET, 0, -1)).toBe(SHEET);
    expect(moveRow(SHEET, 3, 1)).toBe(SHEET);
    expect(() => moveRow(SHEET, 7, 1)).toThrow(LayoutRewriteError);
  });
});

describe("moveSection", () => {
  it("swaps a bare id and a flow map within their row, touching that line only", () => {
    const after = moveSection(SHEET, 1, 0, 1);
    expect(changedLines(SHEET, after)).toEqual([8]);
    expect(lines(after)[7]).toBe("  - { height: 25, sections: [{ id: coin-flip }, what-is-inference] }");
    expect(moveSection(after, 1, 1, -1)).toBe(SHEET);
  });
});

describe("setRowHeight and setSectionWidth", () => {
  it("take the difference from the neighbour, keeping sums at 100 and the minimum", () => {
    const taller = setRowHeight(SHEET, 1, 35);
    expect(heights(taller)).toEqual([10, 35, 35, 20]);
    expect(changedLines(SHEET, taller)).toEqual([8, 9]);
    expect(heights(setRowHeight(SHEET, 3, 99))).toEqual([10, 25, 5, 60]);
    const wider = setSectionWidth(SHEET, 3, 1, 25);
    expect(lines(wider)[11]).toBe(
      "  - { height: 20, sections: [{ id: a, width: 75 }, { id: b, width: 25 }] } # last row",
    );
    expect(() => setSectionWidth(SHEET, 0, 0, 50)).toThrow(/always 100% wide/);
  });
});

describe("removeRow", () => {
  it("cuts the row's lines, gives its height to the row above and names its now unplaced sections", () => {
    const { source, unplaced } = removeRow(SHEET, 2);
    expect(unplaced).toEqual(["generation"]);
    expect(ids(source)).toEqual([["title"], ["what-is-inference", "coin-flip"], ["a", "b"]]);
    expect(heights(source)).toEqual([10, 70, 20]);
    expect(lines(source)).toHaveLength(lines(SHEET).length - 3);
    expect(source).toContain("  # rows, top to bottom\n");
    expect(source).toContain('<Section id="what-is-inference"');
    expect(outsideLayout(source)).toEqual(outsideLayout(SHEET));
  });

  it("gives the first row's height to the one below and keeps the title out of the unplaced list", () => {
    const { source, unplaced } = removeRow(SHEET, 0);
    expect(unplaced).toEqual([]);
    expect(heights(source)).toEqual([35, 45, 20]);
  });

  it("refuses to remove the only row", () => {
    const single = SHEET.replace(/layout:[\s\S]*?---/, "layout:\n  - { height: 100, sections: [title] }\n---");
    expect(() => removeRow(single, 0)).toThrow(/at least one row/);
  });
});

describe("addRow", () => {
  it("inserts a row in the list's style, halving the row above it", () => {
    const after = addRow(SHEET, 2, "new-idea");
    expect(ids(after)[3]).toEqual(["new-idea"]);
    expect(heights(after)).toEqual([10, 25, 23, 22, 20]);
    expect(lines(after)[11]).toBe("  - { height: 22, sections: [new-idea] }");
    expect(outsideLayout(after)).toEqual(outsideLayout(SHEET));
  });

  it("adds at the top below the comment, taking from the tallest row when the neighbour is too low", () => {
    const after = addRow(SHEET, -1, "top");
    expect(ids(after)[0]).toEqual(["top"]);
    expect(heights(after)).toEqual([22, 10, 25, 23, 20]);
    expect(lines(after)[5]).toBe("  # rows, top to bottom");
  });

  it("refuses an id that is already placed", () => {
    expect(() => addRow(SHEET, 0, "generation")).toThrow(/already in the layout/);
  });
});

describe("addSectionToRow", () => {
  it("appends to a flow row without widths as a bare id", () => {
    const after = addSectionToRow(SHEET, 1, "third");
    expect(changedLines(SHEET, after)).toEqual([8]);
    expect(lines(after)[7]).toBe("  - { height: 25, sections: [what-is-inference, { id: coin-flip }, third] }");
  });

  it("appends a line to a block list", () => {
    const after = addSectionToRow(SHEET, 2, "second");
    expect(lines(after).slice(10, 13)).toEqual([
      "      - generation",
      "      - second",
      "  - { height: 20, sections: [{ id: a, width: 60 }, { id: b, width: 40 }] } # last row",
    ]);
  });

  it("splits a row with widths evenly again, so it sums to 100", () => {
    const after = addSectionToRow(SHEET, 3, "c");
    expect(readLayout(after)[3]?.sections).toEqual([
      { id: "a", width: 33 },
      { id: "b", width: 33 },
      { id: "c", width: 34 },
    ]);
    expect(lines(after)[11]).toMatch(/# last row$/);
  });
});

describe("removeSectionFromRow", () => {
  it("cuts the id and its comma, and reports the section as unplaced", () => {
    const { source, unplaced } = removeSectionFromRow(SHEET, 1, 0);
    expect(unplaced).toEqual(["what-is-inference"]);
    expect(lines(source)[7]).toBe("  - { height: 25, sections: [{ id: coin-flip }] }");
    expect(changedLines(SHEET, source)).toEqual([8]);
    expect(lines(removeSectionFromRow(SHEET, 1, 1).source)[7]).toBe(
      "  - { height: 25, sections: [what-is-inference] }",
    );
  });

  it("gives the freed width to the neighbour", () => {
    const { source } = removeSectionFromRow(SHEET, 3, 1);
    expect(lines(source)[11]).toBe("  - { height: 20, sections: [{ id: a, width: 100 }] } # last row");
  });

  it("removes the row with its last section", () => {
    const { source, unplaced } = removeSectionFromRow(SHEET, 2, 0);
    expect(unplaced).toEqual(["generation"]);
    expect(readLayout(source)).toHaveLength(3);
  });
});
