import { isMap, isNode, isSeq, type YAMLSeq } from "yaml";
import { MAX_ROWS, MAX_SECTIONS_PER_ROW, TITLE_SECTION_ID } from "@/lib/sheet-layout/layout";
import {
  applyEdits,
  LayoutRewriteError,
  layoutRows,
  MIN_ROW_HEIGHT,
  MIN_SECTION_WIDTH,
  readFrontmatter,
  readLayout,
  resizeAt,
  setRowHeights,
  setSectionWidths,
  wholeWidths,
  type Edit,
  type Frontmatter,
} from "./layout-rewrite";

/**
 * The layout panel's structural changes (add, remove, reorder rows and sections), written into the
 * frontmatter in place: the yaml document API locates each row and section, and only their own
 * characters (or lines, in a block list) are moved, inserted or cut. Everything else stays as it was.
 */

/** What a change did besides the text: sections whose `<Section>` is now placed nowhere. */
export interface LayoutChange {
  source: string;
  unplaced: string[];
}

function lineStart(text: string, position: number): number {
  return text.lastIndexOf("\n", position - 1) + 1;
}

function afterLineEnd(text: string, position: number): number {
  const end = text.indexOf("\n", position);
  return end === -1 ? text.length : end + 1;
}

function nodeRange(node: unknown, offset: number, what: string): [number, number] {
  const range = isNode(node) ? node.range : null;
  if (!range) throw new LayoutRewriteError("notInText", {}, `${what} has no place in the text`);
  return [offset + range[0], offset + range[1]];
}

/** The whole lines of item `index` of a block list: from its `- ` to the next item (or its own last line). */
function itemLines(source: string, seq: YAMLSeq, index: number, offset: number): [number, number] {
  const [start, end] = nodeRange(seq.items[index], offset, `item ${index + 1}`);
  const next = seq.items[index + 1];
  return [
    lineStart(source, start),
    next ? lineStart(source, nodeRange(next, offset, "the next item")[0]) : afterLineEnd(source, end),
  ];
}

/** The text of an item's whole lines or, in a flow list, of the item itself. */
function itemSpan(source: string, seq: YAMLSeq, index: number, offset: number): [number, number] {
  return seq.flow ? nodeRange(seq.items[index], offset, `item ${index + 1}`) : itemLines(source, seq, index, offset);
}

function swapItems(source: string, seq: YAMLSeq, a: number, b: number, offset: number): string {
  const [first, second] = [itemSpan(source, seq, a, offset), itemSpan(source, seq, b, offset)];
  return applyEdits(source, [
    { start: first[0], end: first[1], text: source.slice(second[0], second[1]) },
    { start: second[0], end: second[1], text: source.slice(first[0], first[1]) },
  ]);
}

function removeItem(source: string, seq: YAMLSeq, index: number, offset: number): Edit {
  if (!seq.flow) {
    const [start, end] = itemLines(source, seq, index, offset);
    return { start, end, text: "" };
  }
  const [start, end] = nodeRange(seq.items[index], offset, `item ${index + 1}`);
  const next = seq.items[index + 1];
  // `a, b, c`: cut `b, ` (up to the next item), or `, c` (from the previous one) for the last.
  if (next) return { start, end: nodeRange(next, offset, "the next item")[0], text: "" };
  const previous = seq.items[index - 1];
  return { start: previous ? nodeRange(previous, offset, "the previous item")[1] : start, end, text: "" };
}

/** An item appended to a list in its own style: `, id` in a flow list, a new `- id` line in a block one. */
function appendItem(source: string, seq: YAMLSeq, text: string, offset: number): Edit {
  const last = seq.items.length - 1;
  if (last < 0) throw new LayoutRewriteError("listEmpty", {}, "the list is empty");
  if (seq.flow) {
    const end = nodeRange(seq.items[last], offset, "the last item")[1];
    return { start: end, end, text: `, ${text}` };
  }
  const [start] = nodeRange(seq.items[last], offset, "the last item");
  const prefix = source.slice(lineStart(source, start), start);
  const at = itemLines(source, seq, last, offset)[1];
  return { start: at, end: at, text: `${prefix}${text}\n` };
}

function blockRows(frontmatter: Frontmatter): YAMLSeq {
  const layout = frontmatter.doc.get("layout", true);
  if (!isSeq(layout)) throw new LayoutRewriteError("noLayout", {}, "the frontmatter has no layout list");
  if (layout.flow)
    throw new LayoutRewriteError(
      "flowLayout",
      {},
      "the layout is one flow list [ … ]: write one row a line to change rows",
    );
  return layout;
}

function rowSections(frontmatter: Frontmatter, rowIndex: number): YAMLSeq {
  const row = layoutRows(frontmatter.doc)[rowIndex];
  const sections = isMap(row) ? row.get("sections", true) : null;
  if (!isSeq(sections))
    throw new LayoutRewriteError("noRow", { row: rowIndex + 1 }, `there is no layout row ${rowIndex + 1}`);
  return sections;
}

/** `row` (1-based) when the index is a section's in that row; without it the index is a row's. */
function checkIndex(index: number, count: number, row?: number): void {
  if (Number.isInteger(index) && index >= 0 && index < count) return;
  if (row === undefined)
    throw new LayoutRewriteError("noRow", { row: index + 1 }, `there is no layout row ${index + 1}`);
  throw new LayoutRewriteError(
    "noSection",
    { row, section: index + 1 },
    `there is no section in row ${row}, number ${index + 1}`,
  );
}

/** Moves row `index` one place up (-1) or down (+1); heights travel with their rows. */
export function moveRow(source: string, index: number, delta: -1 | 1): string {
  const frontmatter = readFrontmatter(source);
  const rows = blockRows(frontmatter);
  checkIndex(index, rows.items.length);
  const other = index + delta;
  if (other < 0 || other >= rows.items.length) return source;
  return swapItems(source, rows, Math.min(index, other), Math.max(index, other), frontmatter.offset);
}

/** Moves section `index` of a row one place left (-1) or right (+1); widths travel with their sections. */
export function moveSection(source: string, rowIndex: number, index: number, delta: -1 | 1): string {
  const frontmatter = readFrontmatter(source);
  const sections = rowSections(frontmatter, rowIndex);
  checkIndex(index, sections.items.length, rowIndex + 1);
  const other = index + delta;
  if (other < 0 || other >= sections.items.length) return source;
  return swapItems(source, sections, Math.min(index, other), Math.max(index, other), frontmatter.offset);
}

/** Sets one row's height; the row below (the one above, for the last) gives or takes the difference. */
export function setRowHeight(source: string, index: number, height: number): string {
  const heights = readLayout(source).map((row) => row.height);
  checkIndex(index, heights.length);
  return setRowHeights(source, resizeAt(heights, index, height, MIN_ROW_HEIGHT));
}

/** Sets one section's width; its right neighbour (left, for the last) gives or takes the difference. */
export function setSectionWidth(source: string, rowIndex: number, index: number, width: number): string {
  const row = readLayout(source)[rowIndex];
  if (!row) throw new LayoutRewriteError("noRow", { row: rowIndex + 1 }, `there is no layout row ${rowIndex + 1}`);
  checkIndex(index, row.sections.length, rowIndex + 1);
  if (row.sections.length === 1)
    throw new LayoutRewriteError(
      "oneSection",
      { row: rowIndex + 1 },
      `row ${rowIndex + 1} has one section: it is always 100% wide`,
    );
  const widths = wholeWidths(row.sections.map((s) => s.width));
  return setSectionWidths(source, rowIndex, resizeAt(widths, index, width, MIN_SECTION_WIDTH));
}

/** Removes a row; its height goes to the row above (below, for the first). Its sections become unplaced. */
export function removeRow(source: string, index: number): LayoutChange {
  const frontmatter = readFrontmatter(source);
  const rows = blockRows(frontmatter);
  const view = readLayout(source);
  checkIndex(index, view.length);
  if (view.length === 1) throw new LayoutRewriteError("lastRow", {}, "a sheet needs at least one row");
  const heights = view.map((row) => row.height);
  const neighbour = index > 0 ? index - 1 : 1;
  const kept = heights.map((h, i) => (i === neighbour ? h + (heights[index] ?? 0) : h));
  const withoutRow = applyEdits(source, [removeItem(source, rows, index, frontmatter.offset)]);
  const remaining = kept.filter((_, i) => i !== index);
  return {
    source: setRowHeights(withoutRow, remaining),
    unplaced: (view[index]?.sections ?? []).map((s) => s.id).filter((id) => id !== TITLE_SECTION_ID),
  };
}

function placedIds(source: string): Set<string> {
  return new Set(readLayout(source).flatMap((row) => row.sections.map((s) => s.id)));
}

/**
 * Adds a new row below row `after` (-1: at the top) holding one section. Its height is half of the
 * row it is added below (of the tallest row, when that one is too low to halve).
 */
export function addRow(source: string, after: number, sectionId: string): string {
  const frontmatter = readFrontmatter(source);
  const rows = blockRows(frontmatter);
  const heights = readLayout(source).map((row) => row.height);
  if (heights.length >= MAX_ROWS)
    throw new LayoutRewriteError("tooManyRows", { max: MAX_ROWS }, `a sheet has at most ${MAX_ROWS} rows`);
  if (placedIds(source).has(sectionId))
    throw new LayoutRewriteError("alreadyPlaced", { id: sectionId }, `"${sectionId}" is already in the layout`);
  if (after < -1 || after >= heights.length)
    throw new LayoutRewriteError("noRow", { row: after + 1 }, `there is no layout row ${after + 1}`);
  const tallest = heights.indexOf(Math.max(...heights));
  const donor = after >= 0 && (heights[after] ?? 0) >= 2 * MIN_ROW_HEIGHT ? after : tallest;
  const donorHeight = heights[donor] ?? 0;
  const height = Math.floor(donorHeight / 2);
  if (height < MIN_ROW_HEIGHT)
    throw new LayoutRewriteError(
      "noTallRow",
      { min: MIN_ROW_HEIGHT },
      `no row is tall enough to give ${MIN_ROW_HEIGHT}% to a new one`,
    );
  const [firstStart] = nodeRange(rows.items[0], frontmatter.offset, "the first row");
  const prefix = source.slice(lineStart(source, firstStart), firstStart);
  const at = after >= 0 ? itemLines(source, rows, after, frontmatter.offset)[1] : lineStart(source, firstStart);
  const inserted = applyEdits(source, [
    { start: at, end: at, text: `${prefix}{ height: ${height}, sections: [${sectionId}] }\n` },
  ]);
  const next = heights.map((h, i) => (i === donor ? donorHeight - height : h));
  next.splice(after + 1, 0, height);
  return setRowHeights(inserted, next);
}

/** Places a section at the end of a row; a row with widths is split evenly again so it sums to 100. */
export function addSectionToRow(source: string, rowIndex: number, sectionId: string): string {
  const frontmatter = readFrontmatter(source);
  const row = readLayout(source)[rowIndex];
  if (!row) throw new LayoutRewriteError("noRow", { row: rowIndex + 1 }, `there is no layout row ${rowIndex + 1}`);
  if (row.sections.length >= MAX_SECTIONS_PER_ROW)
    throw new LayoutRewriteError(
      "tooManySections",
      { max: MAX_SECTIONS_PER_ROW },
      `a row holds at most ${MAX_SECTIONS_PER_ROW} sections`,
    );
  if (placedIds(source).has(sectionId))
    throw new LayoutRewriteError("alreadyPlaced", { id: sectionId }, `"${sectionId}" is already in the layout`);
  const sections = rowSections(frontmatter, rowIndex);
  const added = applyEdits(source, [appendItem(source, sections, sectionId, frontmatter.offset)]);
  if (row.sections.every((s) => s.width === null)) return added;
  return setSectionWidths(added, rowIndex, wholeWidths(Array.from({ length: row.sections.length + 1 }, () => null)));
}

/**
 * Takes a section out of its row (its `<Section>` text stays in the file, now unplaced); a row with
 * widths gives the freed width to the neighbour. The last section of a row goes with its row.
 */
export function removeSectionFromRow(source: string, rowIndex: number, index: number): LayoutChange {
  const row = readLayout(source)[rowIndex];
  if (!row) throw new LayoutRewriteError("noRow", { row: rowIndex + 1 }, `there is no layout row ${rowIndex + 1}`);
  checkIndex(index, row.sections.length, rowIndex + 1);
  if (row.sections.length === 1) return removeRow(source, rowIndex);
  const frontmatter = readFrontmatter(source);
  const sections = rowSections(frontmatter, rowIndex);
  const removed = applyEdits(source, [removeItem(source, sections, index, frontmatter.offset)]);
  const id = row.sections[index]?.id ?? "";
  const unplaced = id === TITLE_SECTION_ID ? [] : [id];
  if (row.sections.every((s) => s.width === null)) return { source: removed, unplaced };
  const widths = wholeWidths(row.sections.map((s) => s.width));
  const neighbour = index > 0 ? index - 1 : 1;
  const freed = widths[index] ?? 0;
  const kept = widths.map((w, i) => (i === neighbour ? w + freed : w)).filter((_, i) => i !== index);
  return { source: setSectionWidths(removed, rowIndex, kept), unplaced };
}
