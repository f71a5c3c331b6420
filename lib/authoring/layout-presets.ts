import type { SheetDraft } from "./sheet-source";

export const LAYOUT_PRESET_IDS = ["classic", "wide-middle", "tall-title", "blank"] as const;
export type LayoutPresetId = (typeof LAYOUT_PRESET_IDS)[number];

/** A starting layout for a new sheet: rows of section counts, as the seeds' requests declare them. */
export interface LayoutPreset {
  id: LayoutPresetId;
  label: string;
  /** Each row: its height in percent and how many equal cells it holds (0 = the title banner). */
  rows: { height: number; cells: number }[];
}

/** A preset from its rows as [height, cells]; the label reads like the seeds: "10 / 25 in 2 / 40". */
function preset(id: LayoutPresetId, rows: [number, number][]): LayoutPreset {
  const label = rows.map(([height, cells]) => (cells > 1 ? `${height} in ${cells}` : String(height))).join(" / ");
  return { id, label, rows: rows.map(([height, cells]) => ({ height, cells })) };
}

export const LAYOUT_PRESETS: readonly LayoutPreset[] = [
  preset("classic", [
    [10, 0],
    [25, 2],
    [40, 1],
    [25, 3],
  ]),
  preset("wide-middle", [
    [10, 0],
    [25, 2],
    [45, 1],
    [20, 2],
  ]),
  preset("tall-title", [
    [15, 0],
    [25, 2],
    [40, 1],
    [20, 2],
  ]),
  { ...preset("blank", [[100, 1]]), label: "blank: one row" },
];

function findPreset(id: LayoutPresetId): LayoutPreset {
  const preset = LAYOUT_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`no layout preset "${id}"`);
  return preset;
}

const STUB_ICONS = ["🧠", "📦", "⚡", "📊", "🔍", "📌", "💡", "📝"];

/**
 * A new sheet from a preset: the layout, and one <Section> stub a cell, named by its place
 * (row-2-left, …) so the author renames them as the content takes shape.
 */
export function draftFromPreset(
  presetId: LayoutPresetId,
  chapter: { number: number; title: string; titleKr?: string },
): SheetDraft {
  const preset = findPreset(presetId);
  const draft: SheetDraft = {
    chapter: chapter.number,
    title: chapter.title,
    titleKr: chapter.titleKr,
    rows: [],
    sections: [],
  };
  preset.rows.forEach((row, rowIndex) => {
    if (row.cells === 0) {
      draft.rows.push({ height: row.height, sections: ["title"] });
      return;
    }
    const ids = Array.from(
      { length: row.cells },
      (_, cell) => `row-${rowIndex + 1}${row.cells > 1 ? `-${cell + 1}` : ""}`,
    );
    draft.rows.push({ height: row.height, sections: ids });
    for (const id of ids) {
      const icon = STUB_ICONS[draft.sections.length % STUB_ICONS.length] ?? "📝";
      draft.sections.push({ id, icon, title: `SECTION ${draft.sections.length + 1}`, body: "" });
    }
  });
  return draft;
}
