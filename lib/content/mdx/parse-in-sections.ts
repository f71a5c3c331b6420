import type { Root, RootContent } from "mdast";
import type { Point, Position } from "unist";
import { RecentValues } from "@/lib/recent-values";

/**
 * A sheet body parsed one top-level `<Section>` at a time, each section's tree kept by its text:
 * the studio changes one section per keystroke, so a new preview parses that section only. Parsing
 * is most of a compile (micromark, ~65 % of it on chapter 23), and the result is the tree the whole
 * body gives, positions included (tests/content/parse-in-sections.test.ts checks every sample sheet).
 *
 * A section is cut off only where nothing can reach across the cut: the line starts `<Section` at
 * column 0 outside any code fence, and the last line before it that is not blank is `</Section>`.
 * When a piece does not stand alone (an MDX error, an expression, link or footnote definitions,
 * which act on the whole text) the whole body is parsed at once, exactly as without this module.
 */

type ParseText = (text: string) => Root;

interface Piece {
  text: string;
  /** 0-based line and offset of the piece's first character in the body. */
  line: number;
  offset: number;
}

const SECTION_START = /^<Section[\s>]/;
const SECTION_END = /^<\/Section>\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `[label]: url` or `[^note]: text` applies to the whole document, so such a body is parsed whole. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** The body cut before each `<Section` line that stands alone; null when it cannot be cut safely. */
export function sectionPieces(body: string): Piece[] | null {
  if (DEFINITION.test(body)) return null;
  const lines = body.split("\n");
  const pieces: Piece[] = [];
  let start = { line: 0, offset: 0 };
  let offset = 0;
  let fence: { char: string; length: number } | null = null;
  let lastFilled: string | null = null;
  lines.forEach((line, index) => {
    if (fence === null && SECTION_START.test(line) && (lastFilled === null || SECTION_END.test(lastFilled)) && offset > start.offset) {
      pieces.push({ text: body.slice(start.offset, offset), ...start });
      start = { line: index, offset };
    }
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      const closes = fence !== null && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker;
      if (fence === null) fence = { char: marker[0] ?? "`", length: marker.length };
      else if (closes) fence = null;
    }
    if (line.trim() !== "") lastFilled = line;
    offset += line.length + 1;
  });
  pieces.push({ text: body.slice(start.offset), ...start });
  return pieces;
}

/** Node types that mean code in the sheet: an error later, and positions inside them are not shifted. */
const CODE_NODE = /^mdx(js)?(Esm|FlowExpression|TextExpression)$|^(definition|footnoteDefinition)$/;

function standsAlone(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(standsAlone);
  if (value === null || typeof value !== "object") return true;
  const record = value as Record<string, unknown>;
  if (typeof record.type === "string" && (CODE_NODE.test(record.type) || record.type === "mdxJsxExpressionAttribute")) return false;
  if (record.type === "mdxJsxAttribute" && record.value !== null && typeof record.value === "object") return false;
  return standsAlone(record.children) && standsAlone(record.attributes);
}

function shiftPoint(point: Point, by: { line: number; offset: number }): Point {
  return { line: point.line + by.line, column: point.column, offset: (point.offset ?? 0) + by.offset };
}

/** A copy of a kept tree (plugins change the tree they get) with its positions moved to the piece's place. */
function placed<T>(value: T, by: { line: number; offset: number }): T {
  if (Array.isArray(value)) return value.map((item: unknown) => placed(item, by)) as T;
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "position" && inner) {
      const position = inner as Position;
      copy[key] = { start: shiftPoint(position.start, by), end: shiftPoint(position.end, by) };
    } else copy[key] = placed(inner, by);
  }
  return copy as T;
}

/** Per parser, each piece's tree by its text, or null for a piece that does not stand alone. */
const keptTrees = new WeakMap<ParseText, RecentValues<string, { tree: Root | null }>>();
const KEPT_PIECES = 96;

function pieceTree(text: string, parse: ParseText): Root | null {
  let pieceTrees = keptTrees.get(parse);
  if (!pieceTrees) keptTrees.set(parse, (pieceTrees = new RecentValues(KEPT_PIECES)));
  const kept = pieceTrees.get(text);
  if (kept) return kept.tree;
  let tree: Root | null;
  try {
    tree = parse(text);
    if (!standsAlone(tree.children)) tree = null;
  } catch {
    tree = null;
  }
  pieceTrees.set(text, { tree });
  return tree;
}

function endOf(body: string): Point {
  const lines = body.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: body.length };
}

/** The body's tree, section by section where it can be cut, else in one parse (which may throw, as parsing does). */
export function parseInSections(body: string, parse: ParseText): Root {
  const pieces = sectionPieces(body);
  if (!pieces || pieces.length < 2) return parse(body);
  const children: RootContent[] = [];
  for (const piece of pieces) {
    const tree = pieceTree(piece.text, parse);
    if (!tree) return parse(body);
    children.push(...placed(tree.children, piece));
  }
  return { type: "root", children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(body) } };
}
