import { describe, expect, it } from "vitest";
import * as rewrite from "@/lib/studio/layout-rewrite";
import { changedLines, SHEET } from "./layout-fixture";

const { LayoutRewriteError, moveBorder, readLayoutNumbers, resizeAt, setRowHeights, setSectionWidths } = rewrite;

describe("setRowHeights", () => {
  it("changes only the height numbers, keeping comments, quotes and styles", () => {
    const after = setRowHeights(SHEET, [10, 25, 40, 25]);
    expect(changedLines(SHEET, after)).toEqual([9, 12]);
    expect(after.split("\n")[8]).toBe("  - height: 40");
    expect(after.split("\n")[11]).toBe(
      "  - { height: 25, sections: [{ id: a, width: 60 }, { id: b, width: 40 }] } # last row",
    );
    expect(readLayoutNumbers(after).heights).toEqual([10, 25, 40, 25]);
  });

  it("returns the file unchanged when the heights are the same", () => {
    expect(setRowHeights(SHEET, [10, 25, 45, 20])).toBe(SHEET);
  });

  it("refuses heights that do not sum to 100 or are not whole", () => {
    expect(() => setRowHeights(SHEET, [10, 25, 45, 25])).toThrow(/sum to 100, they sum to 105/);
    expect(() => setRowHeights(SHEET, [10, 25, 44.5, 20.5])).toThrow(LayoutRewriteError);
    expect(() => setRowHeights(SHEET, [50, 50])).toThrow(/4 rows, 2 heights/);
  });

  it("names each refusal by a code and its values, for the studio to say in its language", () => {
    const refusal = (change: () => string) => {
      try {
        change();
      } catch (error) {
        if (error instanceof LayoutRewriteError) return { code: error.code, values: error.values };
      }
      return null;
    };
    expect(refusal(() => setRowHeights(SHEET, [10, 25, 45, 25]))).toEqual({ code: "heightsSum", values: { sum: 105 } });
    expect(refusal(() => setRowHeights(SHEET, [50, 50]))).toEqual({
      code: "rowCount",
      values: { rows: 4, heights: 2 },
    });
    expect(refusal(() => setSectionWidths(SHEET, 3, [70, 40]))).toEqual({
      code: "widthsSum",
      values: { row: 4, sum: 110 },
    });
  });
});

describe("setSectionWidths", () => {
  it("turns bare ids into flow maps and adds widths to maps without one", () => {
    const after = setSectionWidths(SHEET, 1, [55, 45]);
    expect(changedLines(SHEET, after)).toEqual([8]);
    expect(after.split("\n")[7]).toBe(
      "  - { height: 25, sections: [{ id: what-is-inference, width: 55 }, { id: coin-flip, width: 45 }] }",
    );
    expect(readLayoutNumbers(after).widths[1]).toEqual([55, 45]);
  });

  it("replaces existing width numbers only", () => {
    const after = setSectionWidths(SHEET, 3, [70, 30]);
    expect(after.split("\n")[11]).toBe(
      "  - { height: 20, sections: [{ id: a, width: 70 }, { id: b, width: 30 }] } # last row",
    );
    expect(changedLines(SHEET, after)).toEqual([12]);
  });

  it("keeps the sum at 100", () => {
    expect(() => setSectionWidths(SHEET, 3, [70, 40])).toThrow(/sum to 100/);
  });
});

describe("moveBorder", () => {
  it("snaps to whole percents and keeps the pair's total", () => {
    expect(moveBorder([10, 25, 45, 20], 2, 40.4, 5)).toEqual([10, 25, 40, 25]);
  });
  it("keeps the minimum on both sides", () => {
    expect(moveBorder([10, 25, 45, 20], 2, 80, 5)).toEqual([10, 25, 60, 5]);
    expect(moveBorder([10, 25, 45, 20], 2, 1, 5)).toEqual([10, 25, 5, 60]);
  });
});

describe("resizeAt", () => {
  it("takes the difference from the next size, or the previous one for the last", () => {
    expect(resizeAt([10, 25, 45, 20], 1, 30, 5)).toEqual([10, 30, 40, 20]);
    expect(resizeAt([10, 25, 45, 20], 3, 30, 5)).toEqual([10, 25, 35, 30]);
    expect(resizeAt([10, 25, 45, 20], 0, 60, 5)).toEqual([30, 5, 45, 20]);
  });
});
