/**
 * The sheet layout model: rows of sections whose sizes are percentages of the page (rows) and of
 * their row (sections). One place for these rules, used by the content validator, the renderer and
 * the tests alike.
 */

export const TITLE_SECTION_ID = "title";
export const MAX_ROWS = 8;
export const MAX_SECTIONS_PER_ROW = 5;
/** Sums are compared with this tolerance so 33.3 + 33.3 + 33.4 is accepted. */
const SUM_TOLERANCE = 0.01;

/** A layout as written in frontmatter (after schema validation). */
export type LayoutSectionInput = string | { id: string; width?: number };
export interface LayoutRowInput {
  height: number;
  sections: LayoutSectionInput[];
}

interface GridCell {
  id: string;
  /** Percent of the row's width. */
  width: number;
  isTitle: boolean;
}

interface GridRow {
  /** Percent of the sheet's height. */
  height: number;
  cells: GridCell[];
}

export interface SheetGrid {
  rows: GridRow[];
}

/** A rule the layout breaks; `path` points into the frontmatter (e.g. ["layout", 2, "height"]). */
export interface LayoutIssue {
  path: (string | number)[];
  message: string;
}

function sectionId(section: LayoutSectionInput): string {
  return typeof section === "string" ? section : section.id;
}

function sectionWidth(section: LayoutSectionInput): number | undefined {
  return typeof section === "string" ? undefined : section.width;
}

function roundPercent(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Widths of a row: all given, or none given (an even split). Mixing is allowed: the sections
 * without a width share what the given widths leave.
 */
export function rowWidths(sections: LayoutSectionInput[]): number[] {
  const given = sections.map(sectionWidth);
  const fixedTotal = given.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const openCount = given.filter((w) => w === undefined).length;
  const share = openCount > 0 ? (100 - fixedTotal) / openCount : 0;
  return given.map((w) => roundPercent(w ?? share));
}

export function validateLayout(rows: LayoutRowInput[]): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    issues.push({ path: ["layout"], message: `a sheet has 1 to ${MAX_ROWS} rows, this one has ${rows.length}` });
  }
  const heightSum = rows.reduce((sum, row) => sum + row.height, 0);
  if (rows.length > 0 && Math.abs(heightSum - 100) > SUM_TOLERANCE) {
    issues.push({
      path: ["layout"],
      message: `row heights must sum to 100, they sum to ${roundPercent(heightSum)} (${rows.map((r) => r.height).join(" + ")})`,
    });
  }
  const seen = new Map<string, number>();
  rows.forEach((row, rowIndex) => {
    if (row.sections.length === 0 || row.sections.length > MAX_SECTIONS_PER_ROW) {
      issues.push({
        path: ["layout", rowIndex, "sections"],
        message: `a row holds 1 to ${MAX_SECTIONS_PER_ROW} sections, row ${rowIndex + 1} has ${row.sections.length}`,
      });
    }
    const given = row.sections.map(sectionWidth);
    const givenCount = given.filter((w) => w !== undefined).length;
    const givenSum = given.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    if (givenCount === row.sections.length && givenCount > 0 && Math.abs(givenSum - 100) > SUM_TOLERANCE) {
      issues.push({
        path: ["layout", rowIndex, "sections"],
        message: `section widths in row ${rowIndex + 1} must sum to 100, they sum to ${roundPercent(givenSum)}`,
      });
    } else if (givenCount < row.sections.length && givenSum >= 100 - SUM_TOLERANCE && givenCount > 0) {
      issues.push({
        path: ["layout", rowIndex, "sections"],
        message: `row ${rowIndex + 1}: the given widths (${roundPercent(givenSum)}) leave no room for the sections without a width`,
      });
    }
    row.sections.forEach((section, sectionIndex) => {
      const id = sectionId(section);
      const firstRow = seen.get(id);
      if (firstRow !== undefined) {
        issues.push({
          path: ["layout", rowIndex, "sections", sectionIndex],
          message: `duplicate section id "${id}" (already in row ${firstRow + 1})`,
        });
      } else {
        seen.set(id, rowIndex);
      }
    });
  });
  return issues;
}

/** Every section id the layout places, in reading order (the title banner excluded). */
export function placedSectionIds(rows: LayoutRowInput[]): string[] {
  return rows.flatMap((row) => row.sections.map(sectionId)).filter((id) => id !== TITLE_SECTION_ID);
}

/** The grid the renderer draws. Call only on a layout without issues. */
export function buildGrid(rows: LayoutRowInput[]): SheetGrid {
  return {
    rows: rows.map((row) => {
      const widths = rowWidths(row.sections);
      return {
        height: row.height,
        cells: row.sections.map((section, index) => {
          const id = sectionId(section);
          return { id, width: widths[index] ?? 0, isTitle: id === TITLE_SECTION_ID };
        }),
      };
    }),
  };
}

/** CSS grid tracks exactly proportional to the given percentages, gaps included. */
export function gridTracks(percentages: number[]): string {
  return percentages.map((p) => `minmax(0, ${p}fr)`).join(" ");
}
