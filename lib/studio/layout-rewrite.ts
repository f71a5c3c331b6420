import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { rowWidths } from "@/lib/sheet-layout/layout";

/**
 * Changes to a sheet's `layout:` made by hand in the studio, written into the frontmatter in place:
 * the yaml document API finds the exact characters of each number, and only those characters are
 * replaced, so comments, quoting, flow style and every other line stay byte-identical.
 */

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Smallest row and section, in percent, so neither a drag nor a typed number can make a cell vanish. */
export const MIN_ROW_HEIGHT = 5;
export const MIN_SECTION_WIDTH = 10;

/** What a layout change can be refused for: the studio says it in its language from the code and values. */
export const LAYOUT_REWRITE_CODES = [
  "noFrontmatter",
  "badYaml",
  "noLayout",
  "heightNotNumber",
  "widthNotNumber",
  "heightsNotWhole",
  "widthsNotWhole",
  "heightsSum",
  "widthsSum",
  "rowCount",
  "rowNotMap",
  "noRow",
  "sectionCount",
  "sectionNotIdOrMap",
  "notInText",
  "listEmpty",
  "flowLayout",
  "noSection",
  "oneSection",
  "lastRow",
  "tooManyRows",
  "tooManySections",
  "alreadyPlaced",
  "noTallRow",
] as const;
export type LayoutRewriteCode = (typeof LAYOUT_REWRITE_CODES)[number];

/** A refused layout change: a stable code and the values it names; the English message is for logs and tests. */
export class LayoutRewriteError extends Error {
  readonly code: LayoutRewriteCode;
  readonly values: Record<string, string | number>;
  constructor(code: LayoutRewriteCode, values: Record<string, string | number>, message: string) {
    super(message);
    this.name = "LayoutRewriteError";
    this.code = code;
    this.values = values;
  }
}

export interface Frontmatter {
  /** Where the YAML text starts in the whole file. */
  offset: number;
  doc: Document.Parsed;
}

export function readFrontmatter(source: string): Frontmatter {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new LayoutRewriteError("noFrontmatter", {}, "the sheet has no frontmatter between --- lines");
  const [whole, yaml = ""] = match;
  const doc = parseDocument(yaml, { keepSourceTokens: true });
  const [firstError] = doc.errors;
  if (firstError) {
    const detail = firstError.message;
    throw new LayoutRewriteError("badYaml", { detail }, `the frontmatter is not valid YAML: ${detail}`);
  }
  return { offset: whole.indexOf(yaml), doc };
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(source: string, edits: Edit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), source);
}

export function layoutRows(doc: Document.Parsed) {
  const layout = doc.get("layout", true);
  if (!isSeq(layout)) throw new LayoutRewriteError("noLayout", {}, "the frontmatter has no layout list");
  return layout.items;
}

/** Which number a scalar edit or a percentage check is about: the row heights, or one row's widths. */
type Target = { kind: "height"; row: number } | { kind: "width"; row: number };

function scalarEdit(node: unknown, offset: number, value: number, target: Target): Edit {
  if (!isScalar(node) || !node.range) {
    const code = target.kind === "height" ? "heightNotNumber" : "widthNotNumber";
    throw new LayoutRewriteError(code, { row: target.row }, `row ${target.row}'s ${target.kind} is not a plain number`);
  }
  return { start: offset + node.range[0], end: offset + node.range[1], text: String(value) };
}

/** `row` names one row's widths; without it the percentages are the row heights. */
function checkPercents(values: number[], row?: number): void {
  const what = row === undefined ? "row heights" : `row ${row}'s widths`;
  const named: Record<string, number> = row === undefined ? {} : { row };
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new LayoutRewriteError(
      row === undefined ? "heightsNotWhole" : "widthsNotWhole",
      named,
      `${what} must be whole percentages above 0`,
    );
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum !== 100)
    throw new LayoutRewriteError(
      row === undefined ? "heightsSum" : "widthsSum",
      { ...named, sum },
      `${what} must sum to 100, they sum to ${sum}`,
    );
}

/** Sets every row's `height:` (whole percentages summing to 100), touching nothing else. */
export function setRowHeights(source: string, heights: number[]): string {
  const { offset, doc } = readFrontmatter(source);
  const rows = layoutRows(doc);
  if (rows.length !== heights.length)
    throw new LayoutRewriteError(
      "rowCount",
      { rows: rows.length, heights: heights.length },
      `the layout has ${rows.length} rows, ${heights.length} heights were given`,
    );
  checkPercents(heights);
  const edits = heights.flatMap((height, index) => {
    const row = rows[index];
    if (!isMap(row))
      throw new LayoutRewriteError("rowNotMap", { row: index + 1 }, `layout row ${index + 1} is not a map`);
    const node = row.get("height", true);
    return isScalar(node) && node.value === height
      ? []
      : [scalarEdit(node, offset, height, { kind: "height", row: index + 1 })];
  });
  return applyEdits(source, edits);
}

/**
 * Sets the widths of one row's sections. A section written as a bare id becomes `{ id: x, width: n }`
 * in the same style as its neighbours' flow maps; one with a width gets only its number replaced.
 */
export function setSectionWidths(source: string, rowIndex: number, widths: number[]): string {
  const { offset, doc } = readFrontmatter(source);
  const row = layoutRows(doc)[rowIndex];
  if (!isMap(row))
    throw new LayoutRewriteError("noRow", { row: rowIndex + 1 }, `there is no layout row ${rowIndex + 1}`);
  const sections = row.get("sections", true);
  if (!isSeq(sections) || sections.items.length !== widths.length) {
    const count = isSeq(sections) ? sections.items.length : 0;
    throw new LayoutRewriteError(
      "sectionCount",
      { row: rowIndex + 1, sections: count, widths: widths.length },
      `row ${rowIndex + 1} has ${count} sections, ${widths.length} widths were given`,
    );
  }
  checkPercents(widths, rowIndex + 1);
  const edits = widths.map((width, index): Edit | null => {
    const section = sections.items[index];
    if (isScalar(section) && section.range) {
      const id = source.slice(offset + section.range[0], offset + section.range[1]);
      return {
        start: offset + section.range[0],
        end: offset + section.range[1],
        text: `{ id: ${id}, width: ${width} }`,
      };
    }
    if (!isMap(section) || !section.range)
      throw new LayoutRewriteError(
        "sectionNotIdOrMap",
        { row: rowIndex + 1, section: index + 1 },
        `row ${rowIndex + 1}, section ${index + 1} is neither an id nor a map`,
      );
    const node = section.get("width", true);
    if (node === undefined) {
      // `{ id: x }` → `{ id: x, width: n }`: insert after the last pair, before the closing brace.
      const last = section.items[section.items.length - 1];
      const end = isScalar(last?.value) && last.value.range ? last.value.range[1] : section.range[1] - 1;
      return { start: offset + end, end: offset + end, text: `, width: ${width}` };
    }
    return isScalar(node) && node.value === width
      ? null
      : scalarEdit(node, offset, width, { kind: "width", row: rowIndex + 1 });
  });
  return applyEdits(
    source,
    edits.filter((e): e is Edit => e !== null),
  );
}

interface LayoutCell {
  id: string;
  /** null: the section shares what the given widths leave. */
  width: number | null;
}
export interface LayoutRowView {
  height: number;
  sections: LayoutCell[];
}

/** The layout as the panel and the drag handles show it: each row's height and its sections. */
export function readLayout(source: string): LayoutRowView[] {
  const { doc } = readFrontmatter(source);
  return layoutRows(doc).map((row) => {
    const sections = isMap(row) ? row.get("sections", true) : null;
    return {
      height: isMap(row) && typeof row.get("height") === "number" ? Number(row.get("height")) : 0,
      sections: isSeq(sections)
        ? sections.items.map((s) => ({
            id: isScalar(s) ? String(s.value) : isMap(s) ? String(s.get("id")) : "",
            width: isMap(s) && typeof s.get("width") === "number" ? Number(s.get("width")) : null,
          }))
        : [],
    };
  });
}

/** The layout's row heights and section widths as numbers (what the drag handles start from). */
export function readLayoutNumbers(source: string): { heights: number[]; widths: (number | null)[][] } {
  const rows = readLayout(source);
  return { heights: rows.map((r) => r.height), widths: rows.map((r) => r.sections.map((s) => s.width)) };
}

/** A row's widths as whole percents summing to 100 (the shares of sections without a width made explicit). */
export function wholeWidths(widths: (number | null)[]): number[] {
  const exact = rowWidths(widths.map((w, i) => (w === null ? `s${i}` : { id: `s${i}`, width: w })));
  const rounded = exact.map(Math.round);
  // The last cell takes what rounding lost or gained, so the row still sums to 100.
  const drift = 100 - rounded.reduce((a, b) => a + b, 0);
  return rounded.map((width, i) => (i === rounded.length - 1 ? width + drift : width));
}

/**
 * Moves the border after `index` (0-based: between `index` and `index + 1`) to make the first part
 * `first` percent, snapped to whole percents; the pair keeps its total and each keeps `min`.
 */
export function moveBorder(sizes: number[], index: number, first: number, min: number): number[] {
  const [before, after] = [sizes[index], sizes[index + 1]];
  // No border there: nothing to move.
  if (before === undefined || after === undefined) return sizes;
  const pair = before + after;
  const snapped = Math.min(Math.max(Math.round(first), min), pair - min);
  return sizes.map((size, i) => (i === index ? snapped : i === index + 1 ? pair - snapped : size));
}

/**
 * Sets `sizes[index]` to `value` (snapped, kept within the minimum): the difference comes from the
 * next size, or the previous one for the last, so the total stays the same.
 */
export function resizeAt(sizes: number[], index: number, value: number, min: number): number[] {
  if (index < sizes.length - 1) return moveBorder(sizes, index, value, min);
  const before = sizes[index - 1];
  const own = sizes[index];
  if (before === undefined || own === undefined) return sizes;
  return moveBorder(sizes, index - 1, before + own - value, min);
}
