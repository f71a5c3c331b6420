import { describe, expect, it } from "vitest";
import { fitSummary, gaugeLabel } from "@/lib/studio/fit-summary";
import { lineDiff } from "@/lib/studio/line-diff";

const gauge = (id: string, fill: number, overflows = false) => ({ id, title: id, size: 9, fill, overflows });

describe("fitSummary", () => {
  it("counts under-full and overflowing sections", () => {
    expect(fitSummary([gauge("a", 0.3), gauge("b", 0.4), gauge("c", 1, true), gauge("d", 0.9)])).toBe(
      "2 sections under half full · 1 overflows",
    );
  });
  it("says when all is well", () => {
    expect(fitSummary([gauge("a", 0.7), gauge("b", 0.95)])).toBe("All 2 sections fit, none under half full");
  });
  it("labels a section", () => {
    expect(gaugeLabel({ size: 9.5, fill: 0.624, overflows: false })).toBe("9.5 pt · 62%");
    expect(gaugeLabel({ size: 7, fill: 1, overflows: true })).toBe("overflows at 7 pt");
  });
});

describe("lineDiff", () => {
  it("marks removed and added lines", () => {
    expect(lineDiff("a\nb\nc", "a\nx\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
    ]);
  });
});
