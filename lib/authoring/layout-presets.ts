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

export const LAYOUT_PRESETS: readonly LayoutPreset[] = [
  {
    id: "classic",
    label: "10 / 25 in 2 / 40 / 25 in 3",
    rows: [
      { height: 10, cells: 0 },
      { height: 25, cells: 2 },
      { height: 40, cells: 1 },
      { height: 25, cells: 3 },
    ],
  },
  {
    id: "wide-middle",
    label: "10 / 25 in 2 / 45 / 20 in 2",
    rows: [
      { height: 10, cells: 0 },
      { height: 25, cells: 2 },
      { height: 45, cells: 1 },
      { height: 20, cells: 2 },
    ],
  },
  {
    id: "tall-title",
    label: "15 / 25 in 2 / 40 / 20 in 2",
    rows: [
      { height: 15, cells: 0 },
      { height: 25, cells: 2 },
      { height: 40, cells: 1 },
      { height: 20, cells: 2 },
    ],
  },
  { id: "blank", label: "blank: one row", rows: [{ height: 100, cells: 1 }] },
];

export function findPreset(id: LayoutPresetId): LayoutPreset {
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
      const icon = STUB_ICONS[draft.sections.length % STUB_ICONS.length];
      draft.sections.push({ id, icon, title: `SECTION ${draft.sections.length + 1}`, body: "" });
    }
  });
  return draft;
}
