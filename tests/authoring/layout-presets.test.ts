import { describe, expect, it } from "vitest";
import { draftFromPreset, LAYOUT_PRESET_IDS, LAYOUT_PRESETS } from "@/lib/authoring/layout-presets";
import { renderSheetSource } from "@/lib/authoring/sheet-source";
import { compileSheetSource } from "@/lib/content/sheet";
import { TEST_COURSE } from "../fixtures/test-course";

const course = TEST_COURSE;

describe("layout presets", () => {
  it("offers the three layouts the seeds declare and a blank one-row page", () => {
    expect(LAYOUT_PRESETS.map((p) => p.rows.map((r) => `${r.height}:${r.cells}`).join(" "))).toEqual([
      "10:0 25:2 40:1 25:3",
      "10:0 25:2 45:1 20:2",
      "15:0 25:2 40:1 20:2",
      "100:1",
    ]);
    expect(LAYOUT_PRESETS.map((p) => p.id)).toEqual([...LAYOUT_PRESET_IDS]);
  });

  it.each(LAYOUT_PRESET_IDS)("%s: one <Section> stub a cell, and the sheet passes the content check", async (id) => {
    const draft = draftFromPreset(id, { number: 3, title: "Tokenization", titleKr: "토큰화" });
    const cells = LAYOUT_PRESETS.find((p) => p.id === id)?.rows.reduce((sum, r) => sum + r.cells, 0);
    expect(draft.sections).toHaveLength(cells ?? -1);
    const source = renderSheetSource(draft);
    expect(source.match(/<Section /g)).toHaveLength(cells ?? -1);
    const compiled = await compileSheetSource(source, "/tmp/sheet.mdx", course, 3);
    expect(compiled.ok ? [] : compiled.errors).toEqual([]);
  });
});
