import { describe, expect, it } from "vitest";
import { buildGrid, gridTracks, placedSectionIds, rowWidths, validateLayout } from "@/lib/sheet-layout/layout";

describe("sheet layout rules", () => {
  it("accepts the chapter-8 layout and builds its grid", () => {
    const layout = [
      { height: 10, sections: ["title"] },
      { height: 25, sections: ["a", "b"] },
      { height: 40, sections: ["c"] },
      { height: 25, sections: [{ id: "d", width: 30 }, { id: "e", width: 40 }, { id: "f", width: 30 }] },
    ];
    expect(validateLayout(layout)).toEqual([]);
    const grid = buildGrid(layout);
    expect(grid.rows.map((r) => r.height)).toEqual([10, 25, 40, 25]);
    expect(grid.rows[1]?.cells.map((c) => c.width)).toEqual([50, 50]);
    expect(grid.rows[3]?.cells.map((c) => c.width)).toEqual([30, 40, 30]);
    expect(grid.rows[0]?.cells[0]?.isTitle).toBe(true);
    expect(placedSectionIds(layout)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("splits plain ids evenly and shares what given widths leave", () => {
    expect(rowWidths(["a", "b", "c"])).toEqual([33.333, 33.333, 33.333]);
    expect(rowWidths([{ id: "a", width: 40 }, "b", "c"])).toEqual([40, 30, 30]);
  });

  it("writes exact proportional tracks", () => {
    expect(gridTracks([10, 25, 65])).toBe("minmax(0, 10fr) minmax(0, 25fr) minmax(0, 65fr)");
  });

  it("rejects heights that do not sum to 100, pointing at the layout", () => {
    const issues = validateLayout([{ height: 10, sections: ["title"] }, { height: 80, sections: ["a"] }]);
    expect(issues).toEqual([{ path: ["layout"], message: expect.stringContaining("sum to 100, they sum to 90") }]);
  });

  it("rejects widths that do not sum to 100, pointing at the row", () => {
    const issues = validateLayout([{ height: 100, sections: [{ id: "a", width: 60 }, { id: "b", width: 30 }] }]);
    expect(issues).toEqual([{ path: ["layout", 0, "sections"], message: expect.stringContaining("sum to 90") }]);
  });

  it("rejects duplicate ids, too many rows and too many sections", () => {
    expect(validateLayout([{ height: 50, sections: ["a"] }, { height: 50, sections: ["a"] }])[0]).toMatchObject({
      path: ["layout", 1, "sections", 0],
      message: expect.stringContaining('duplicate section id "a"'),
    });
    const nine = Array.from({ length: 9 }, (_, i) => ({ height: 100 / 9, sections: [`s${i}`] }));
    expect(validateLayout(nine).map((i) => i.message).join()).toContain("1 to 8 rows");
    const six = [{ height: 100, sections: ["a", "b", "c", "d", "e", "f"] }];
    expect(validateLayout(six).map((i) => i.message).join()).toContain("1 to 5 sections");
  });
});
