import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slugify } from "@/lib/content/slug";
import type { LineProblem } from "./chapter-markers";
import type { DraftRow, DraftSection, SheetDraft } from "./sheet-source";

/**
 * Reads a cheat-sheet request in the seeds' format (a "Source Text" with frontmatter, an ASCII
 * layout whose boxes carry an emoji and a title, a proportion table, optional plan sections with
 * tables and Mermaid) and drafts the sheet it asks for. Every line it cannot read is reported;
 * nothing is guessed silently: assumptions and trims become remarks in the sheet's frontmatter.
 */

/** A box drawn in the layout: one cell of the sheet. */
interface DrawnBox {
  icon: string;
  title: string;
  /** Text written inside the box in the drawing, line by line. */
  drawn: string[];
  line: number;
}

/** A band of the drawing = a row of the sheet, with the proportion the request declares for it. */
interface RequestRow {
  height: number;
  isTitle: boolean;
  boxes: DrawnBox[];
}

/** Something the importer read with an assumption: written into the sheet's frontmatter as a remark (content). */
interface RequestWarning {
  line: number;
  message: string;
}

export interface ParsedRequest {
  chapter: number;
  title: string;
  titleKr?: string;
  rows: RequestRow[];
  /** Passages of the source text and the plan, each under its heading. */
  passages: Passage[];
  /** Things read with an assumption the author should know about (by line). */
  warnings: RequestWarning[];
}

interface Passage {
  heading: string;
  /** Heading words of this passage and its parents, for matching to boxes. */
  words: string[];
  parentWords: string[];
  lines: string[];
  line: number;
}

export type RequestResult = { ok: true; request: ParsedRequest } | { ok: false; problems: LineProblem[] };

const requestFrontmatterSchema = z.object({
  title: z.string().min(1),
  titleKr: z.string().min(1).optional(),
  chapter: z.union([z.number().int().positive(), z.string().regex(/^\d+(?:\s*\/\s*\d+)?$/)]),
});

const EMOJI_TITLE = /^(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)\s+(.+)$/u;
const BOX_CHARS = /^[\s│┌┐└┘├┤┬┴┼─]+|[\s│┌┐└┘├┤┬┴┼─]+$/g;
const DRAWING_LINE = /^\s*[┌│├└]/;
/** Top-level headings of the request template; the source text ends at the first of them. */
const TEMPLATE_HEADING =
  /^#\s+(Role Definition|Layout Structure|Output Style|Output Structure Plan|Instructions)\b|^##?\s+이미지 생성 요청/i;
const PLAN_HEADING = /^#\s+Output Structure Plan\b/i;
const STOP_WORDS = new Set([
  "the",
  "a",
  "an",
  "of",
  "is",
  "are",
  "what",
  "vs",
  "and",
  "to",
  "in",
  "for",
  "on",
  "table",
  "이",
]);

function headingWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word),
  );
}

/** A title without the request's asides to the image model: "(이 섹션이 가장 넓어야 함!)", "- 가장 넓게!". */
function cleanTitle(text: string): string {
  return text
    .replace(/\s*\([^)]*\p{Script=Hangul}[^)]*\)/gu, "")
    .replace(/\s+-\s+[^-]*\p{Script=Hangul}.*$/u, "")
    .replace(/\p{Extended_Pictographic}\uFE0F?/gu, "")
    .trim();
}

function findSourceFrontmatter(lines: string[], problems: LineProblem[]) {
  const start = lines.findIndex((line) => /^#\s+Source Text\b/i.test(line));
  if (start < 0) {
    problems.push({
      line: 1,
      code: "requestNoSource",
      message: 'no "# Source Text" heading: the request must contain its source text',
    });
    return null;
  }
  const open = lines.findIndex((line, index) => index > start && line.trim() !== "");
  if (open < 0 || lines[open]?.trim() !== "---") {
    problems.push({
      line: start + 1,
      code: "requestNoFrontmatter",
      message: "the source text must start with frontmatter between --- lines (title, chapter)",
    });
    return null;
  }
  const close = lines.findIndex((line, index) => index > open && line.trim() === "---");
  if (close < 0) {
    problems.push({
      line: open + 1,
      code: "requestFrontmatterOpen",
      message: "the source text's frontmatter has no closing --- line",
    });
    return null;
  }
  let data: unknown;
  try {
    data = parseYaml(lines.slice(open + 1, close).join("\n"));
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    problems.push({
      line: open + 2,
      code: "requestFrontmatterYaml",
      values: { detail },
      message: `frontmatter YAML: ${detail}`,
    });
    return null;
  }
  const checked = requestFrontmatterSchema.safeParse(data);
  if (!checked.success) {
    const [issue] = checked.error.issues;
    const where = issue?.path.join(".") || "(whole)";
    const detail = issue?.message ?? "invalid";
    problems.push({
      line: open + 2,
      code: "requestFrontmatterField",
      values: { field: where, detail },
      message: `frontmatter ${where}: ${detail}`,
    });
    return null;
  }
  const { chapter, title, titleKr } = checked.data;
  const number = typeof chapter === "number" ? chapter : Number(chapter.split("/")[0]);
  const strip = (text: string) => text.replace(/^\d+\.\s*/, "");
  return { chapter: number, title: strip(title), titleKr: titleKr ? strip(titleKr) : undefined, bodyStart: close + 1 };
}

/** Bands of the first ASCII drawing, split at its outer ├ / └ rules, each with its 1-based lines. */
function drawingBands(lines: string[], problems: LineProblem[]): { text: string; line: number }[][] {
  const first = lines.findIndex((line) => /^\s*┌/.test(line));
  if (first < 0) {
    problems.push({
      line: 1,
      code: "requestNoDrawing",
      message: "no layout drawing: the request must draw its boxes with ┌ │ └ lines",
    });
    return [];
  }
  const bands: { text: string; line: number }[][] = [[]];
  for (const [offset, raw] of lines.slice(first + 1).entries()) {
    if (!DRAWING_LINE.test(raw)) break;
    const text = raw.trim();
    if (text.startsWith("├") || text.startsWith("└")) bands.push([]);
    else bands.at(-1)?.push({ text, line: first + offset + 2 });
  }
  return bands.filter((band) => band.length > 0);
}

/** Segments of a drawing line, each with how many │ come before it (which box it sits in). */
function segments(text: string): { depth: number; text: string }[] {
  return text
    .split("│")
    .map((part, depth) => ({ depth, text: part.replace(BOX_CHARS, "").trim() }))
    .filter((part) => part.text !== "");
}

function bandBoxes(band: { text: string; line: number }[]): DrawnBox[] {
  const titleIndex = band.findIndex(({ text }) => segments(text).some((part) => EMOJI_TITLE.test(part.text)));
  const titleLine = band[titleIndex];
  if (!titleLine) return [];
  const titled = segments(titleLine.text).filter((part) => EMOJI_TITLE.test(part.text));
  const boxes = titled.map((part) => {
    const [, icon = "📌", title = part.text] = EMOJI_TITLE.exec(part.text) ?? [];
    return {
      depth: part.depth,
      box: { icon, title: cleanTitle(title), drawn: [] as string[], line: titleLine.line },
    };
  });
  for (const { text } of band.slice(titleIndex + 1)) {
    for (const part of segments(text)) {
      const owner = boxes.findLast((candidate) => candidate.depth <= part.depth) ?? boxes[0];
      owner?.box.drawn.push(part.text);
    }
  }
  return boxes.map(({ box }) => box);
}

interface Proportion {
  height: number;
  split: number | null;
  isTitle: boolean;
  line: number;
}

/** The proportion table (`| 상단 | 10% | 타이틀 | 전체 너비 |`) or list (`- 상단 (15%): 타이틀`). */
function proportions(lines: string[], problems: LineProblem[]): Proportion[] {
  const start = lines.findIndex((line) => /배치 비율/.test(line));
  if (start < 0) {
    problems.push({
      line: 1,
      code: "requestNoTable",
      message: 'no proportion table: the request must give each row\'s share under "배치 비율"',
    });
    return [];
  }
  const rows: Proportion[] = [];
  for (let index = start + 1; index < lines.length; index++) {
    const text = (lines[index] ?? "").trim();
    if (text === "" && rows.length > 0) break;
    const percent = /(\d+(?:\.\d+)?)\s*%/.exec(text);
    if (!percent || !/^[|-]/.test(text)) continue;
    const split = /(\d)\s*등분/.exec(text);
    rows.push({
      height: Number(percent[1]),
      split: split ? Number(split[1]) : /좌우\s*분할/.test(text) ? 2 : /전체 너비|가장 넓게/.test(text) ? 1 : null,
      isTitle: /타이틀|\btitle\b/i.test(text),
      line: index + 1,
    });
  }
  if (rows.length === 0)
    problems.push({
      line: start + 1,
      code: "requestTableEmpty",
      message: "the proportion table under 배치 비율 lists no row with a percentage",
    });
  return rows;
}

/** The source text and the plan, cut into passages at their headings. Fences stay whole. */
function passagesOf(lines: string[], from: number, warnings: RequestWarning[]): Passage[] {
  const passages: Passage[] = [];
  const parents: string[][] = [];
  let inSource = true;
  let fence: { line: number } | null = null;
  let current: Passage | null = null;
  for (let index = from; index < lines.length; index++) {
    const raw = lines[index] ?? "";
    if (fence) {
      if (/^```\s*$/.test(raw.trim())) fence = null;
      else if (/^#{1,3}\s/.test(raw) || /^```\w/.test(raw.trim())) {
        // An unclosed fence (seed 003 has two): close it before the next heading or fence.
        warnings.push({
          line: fence.line,
          message: `the code block opened here is not closed; closed before line ${index + 1}`,
        });
        current?.lines.push("```");
        fence = null;
        index--;
        continue;
      }
      current?.lines.push(raw);
      continue;
    }
    if (TEMPLATE_HEADING.test(raw)) {
      inSource = PLAN_HEADING.test(raw);
      current = null;
      continue;
    }
    if (!inSource) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading) {
      const [, hashes = "", headingText = ""] = heading;
      const level = hashes.length;
      const words = headingWords(headingText);
      parents.length = Math.max(0, level - 1);
      // The level-1 heading is the chapter's own title: every box shares its words.
      current = {
        heading: headingText.trim(),
        words,
        parentWords: parents.slice(1).flat(),
        lines: [],
        line: index + 1,
      };
      parents[level - 1] = words;
      passages.push(current);
      continue;
    }
    if (/^```/.test(raw.trim())) fence = { line: index + 1 };
    if (/^---\s*$/.test(raw.trim())) continue;
    if (!current) {
      current = { heading: "", words: [], parentWords: [], lines: [], line: index + 1 };
      passages.push(current);
    }
    current.lines.push(raw);
  }
  if (fence && current) {
    warnings.push({
      line: fence.line,
      message: "the code block opened here is not closed; closed at the end of the request",
    });
    current.lines.push("```");
  }
  return passages.filter((passage) => passage.lines.some((line) => line.trim() !== ""));
}

export function parseRequest(text: string): RequestResult {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const problems: LineProblem[] = [];
  const warnings: RequestWarning[] = [];
  const front = findSourceFrontmatter(lines, problems);
  const bands = drawingBands(lines, problems);
  const shares = proportions(lines, problems);
  if (!front || problems.length > 0) return { ok: false, problems };

  const tableLine = shares[0]?.line ?? 1;
  if (bands.length !== shares.length) {
    problems.push({
      line: tableLine,
      code: "requestRowsMismatch",
      values: { rows: bands.length, shares: shares.length },
      message: `the drawing has ${bands.length} rows but the proportion table lists ${shares.length}`,
    });
    return { ok: false, problems };
  }
  const total = shares.reduce((sum, share) => sum + share.height, 0);
  if (Math.abs(total - 100) > 0.01) {
    problems.push({
      line: tableLine,
      code: "requestShareSum",
      values: { total },
      message: `the row proportions add up to ${total}%, not 100%`,
    });
  }
  const rows = shares.map((share, index): RequestRow => {
    const band = bands[index] ?? [];
    const bandLine = band[0]?.line ?? share.line;
    const boxes = bandBoxes(band);
    if (!share.isTitle && boxes.length === 0) {
      problems.push({
        line: bandLine,
        code: "requestRowNoBox",
        message: "this row of the drawing has no box with an emoji and a title",
      });
    } else if (!share.isTitle && share.split !== null && share.split !== boxes.length) {
      problems.push({
        line: share.line,
        code: "requestSplitMismatch",
        values: { split: share.split, boxes: boxes.length, line: bandLine },
        message: `this row is split in ${share.split} but the drawing shows ${boxes.length} boxes (line ${bandLine})`,
      });
    }
    return { height: share.height, isTitle: share.isTitle, boxes: share.isTitle ? [] : boxes };
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      chapter: front.chapter,
      title: front.title,
      titleKr: front.titleKr,
      rows,
      passages: passagesOf(lines, front.bodyStart, warnings),
      warnings,
    },
  };
}

/** Words shared by a heading and a box title, each weighted by how few boxes carry it. */
function matchScore(passage: Passage, box: DrawnBox, boxesWithWord: (word: string) => number): number {
  const titleWords = headingWords(box.title);
  const same = (a: string, b: string) =>
    a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));
  const score = (words: string[]) =>
    words.reduce(
      (sum, word) => sum + (titleWords.some((t) => same(t, word)) ? 1 / Math.max(1, boxesWithWord(word)) : 0),
      0,
    );
  const own = score(passage.words);
  // A sub-heading's own words decide; its parents' words only break ties or stand in for none.
  return own > 0 ? own + score(passage.parentWords) / 4 : score(passage.parentWords) / 2;
}

const TRANSCRIPT_LINE = /^\[(?:\d+:)?\d{1,2}:\d{2}\]/;

/** Text outside code fences made safe for MDX: `<`, `{`, `}` are syntax there. */
function escapeForMdx(lines: string[]): string[] {
  let inFence = false;
  return lines.map((line) => {
    if (/^```/.test(line.trim())) {
      inFence = !inFence;
      return line.trim();
    }
    return inFence ? line : line.replaceAll("<", "&lt;").replaceAll("{", "&#123;").replaceAll("}", "&#125;");
  });
}

/** Roughly how many lines of text a cell holds at the sheet's 9 pt (content/AUTHORING.md). */
function cellCapacity(height: number, cellsInRow: number): { lines: number; chars: number } {
  // 0.6 lines a percent: the 9 pt estimate, with the room the fit step gains going down to 7 pt.
  return { lines: Math.floor(height * 0.6), chars: Math.floor(88 / cellsInRow) };
}

/** Lines a block of body text takes in a cell; a diagram takes a fixed third of a tall cell. */
function costOf({ lines }: Block, chars: number, capacity: number): number {
  if (lines[0]?.startsWith("```mermaid")) return Math.max(8, Math.ceil(capacity * 0.45));
  if (lines[0]?.startsWith("```")) return lines.length;
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / chars)), 0);
}

/** A piece of body text that is kept or trimmed whole: a line, a table, a fence. */
interface Block {
  lines: string[];
  /** A blank line came before it (a new paragraph or a loose list). */
  gap: boolean;
}

function firstLine(block: Block): string {
  return block.lines[0] ?? "";
}

/** Body lines grouped so a fence or a table is never cut in half. */
function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let gap = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (open && firstLine(open).startsWith("```")) {
      open.lines.push(line);
      if (/^```\s*$/.test(trimmed)) {
        open = null;
        gap = true;
      }
      continue;
    }
    if (trimmed === "") {
      gap = true;
      open = null;
      continue;
    }
    if (open && trimmed.startsWith("|") && firstLine(open).trim().startsWith("|")) {
      open.lines.push(line);
      continue;
    }
    // Tables and fences stand apart: GFM lets neither interrupt a paragraph cleanly.
    const standsApart = trimmed.startsWith("```") || trimmed.startsWith("|");
    const block: Block = { lines: [line], gap: gap || standsApart || open !== null };
    blocks.push(block);
    open = standsApart ? block : null;
    gap = false;
  }
  return blocks;
}

/**
 * The blocks that fit a cell, in their order: diagrams first claim their room (they are what the
 * request insists on), then text and tables in order until the cell is full; a table that does
 * not fit whole keeps its header and the rows that fit. Everything else is returned as dropped.
 */
function fitBlocks(blocks: Block[], capacity: { lines: number; chars: number }): { kept: Block[]; dropped: string[] } {
  const cost = (block: Block) => costOf(block, capacity.chars, capacity.lines);
  let room = capacity.lines;
  const keep = new Set<Block>();
  for (const block of blocks.filter((b) => firstLine(b).startsWith("```mermaid"))) {
    if (cost(block) <= room) {
      keep.add(block);
      room -= cost(block);
    }
  }
  const kept: Block[] = [];
  const dropped: string[] = [];
  let full = false;
  for (const block of blocks) {
    if (keep.has(block)) {
      kept.push(block);
      continue;
    }
    if (!full && !firstLine(block).startsWith("```mermaid") && cost(block) <= room) {
      kept.push(block);
      room -= cost(block);
      continue;
    }
    if (!full && firstLine(block).trim().startsWith("|") && block.lines.length > 3) {
      const rows = block.lines.slice(2);
      let fit = 0;
      while (fit < rows.length && cost({ lines: block.lines.slice(0, 3 + fit), gap: true }) <= room) fit++;
      if (fit > 0) {
        const part = { lines: block.lines.slice(0, 2 + fit), gap: block.gap };
        kept.push(part);
        room -= cost(part);
        dropped.push(...rows.slice(fit));
        full = true;
        continue;
      }
    }
    full = true;
    dropped.push(...block.lines);
  }
  return { kept, dropped };
}

/**
 * The sheet a request asks for: its rows and proportions exactly, one <Section> a drawn box with
 * its icon and title, and each section's body made of the passages whose headings match the box
 * (else what the drawing writes in the box), trimmed to what the cell can hold. Passages that
 * match no box, trimmed lines and transcript lines are listed in remarks, so nothing is lost.
 */
export function draftFromRequest(request: ParsedRequest): SheetDraft {
  const boxes = request.rows.flatMap((row) => row.boxes);
  const taken = new Set<string>(["title"]);
  const ids = boxes.map((box, index) => {
    const base = slugify(box.title).split("-").slice(0, 4).join("-") || `section-${index + 1}`;
    let id = /^[a-z0-9]/.test(base) ? base : `s-${base}`;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
  const boxesWithWord = (word: string) => boxes.filter((box) => headingWords(box.title).includes(word)).length;

  const matched = new Map<DrawnBox, string[]>(boxes.map((box) => [box, []]));
  const remarks: string[] = [];
  const unplaced: string[] = [];
  let transcriptLines = 0;
  for (const passage of request.passages) {
    const scored = boxes.map((box) => ({ box, score: matchScore(passage, box, boxesWithWord) }));
    const best = scored.reduce<{ box: DrawnBox | undefined; score: number }>(
      (top, entry) => (entry.score > top.score ? entry : top),
      { box: boxes[0], score: 0 },
    );
    const text = passage.lines.filter((line) => {
      const transcript = TRANSCRIPT_LINE.test(line.trim());
      if (transcript) transcriptLines++;
      return !transcript && !/^\*\*요약\*\*/.test(line.trim());
    });
    if (!text.some((line) => line.trim() !== "")) continue;
    if (best.box && best.score > 0 && passage.heading !== "") {
      matched
        .get(best.box)
        ?.push(
          `**${passage.heading.replace(/^\d+\.\s*/, "").replace(/\p{Extended_Pictographic}\uFE0F?\s*/gu, "")}**`,
          "",
          ...text,
          "",
        );
    } else {
      unplaced.push(
        `line ${passage.line}: ${passage.heading || "(text before the first heading)"}`,
        ...text.map((line) => `  ${line}`),
      );
    }
  }

  const sections: DraftSection[] = [];
  const rows: DraftRow[] = [];
  let boxIndex = 0;
  for (const row of request.rows) {
    if (row.isTitle) {
      rows.push({ height: row.height, sections: ["title"] });
      continue;
    }
    const rowIds: string[] = [];
    for (const box of row.boxes) {
      const id = ids[boxIndex++] ?? `section-${boxIndex}`;
      rowIds.push(id);
      const source = matched.get(box) ?? [];
      const material =
        source.length > 0 ? source : box.drawn.map((line) => (/^[-*]\s/.test(line) ? line : `- ${line}`));
      const capacity = cellCapacity(row.height, row.boxes.length);
      const { kept, dropped } = fitBlocks(blocksOf(escapeForMdx(material)), capacity);
      if (dropped.length > 0) {
        remarks.push(
          `trimmed from "${id}" to fit its cell (${dropped.length} lines):`,
          ...dropped.map((line) => `  ${line}`),
        );
      }
      const body = kept.map((block, n) => `${n > 0 && block.gap ? "\n" : ""}${block.lines.join("\n")}`).join("\n");
      sections.push({ id, icon: box.icon, title: box.title, body });
    }
    rows.push({ height: row.height, sections: rowIds });
  }
  for (const warning of request.warnings) remarks.unshift(`request line ${warning.line}: ${warning.message}`);
  if (transcriptLines > 0) remarks.push(`${transcriptLines} transcript lines left out: they belong on the source page`);
  if (unplaced.length > 0) remarks.push("unplaced (matched no box):", ...unplaced);
  return { chapter: request.chapter, title: request.title, titleKr: request.titleKr, rows, sections, remarks };
}
