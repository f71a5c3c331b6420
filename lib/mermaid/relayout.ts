/**
 * Relayout before shrinking: a diagram whose text would print too small (or that fills little of
 * its cell) is drawn again in the few other layouts its type allows — the other direction, fewer
 * shapes a row, fewer bits a row, larger text — and the variant with the largest smallest-text is
 * kept. Only the rendering changes: the author's file, and the source shown in the cell, stay as written.
 */
import type { MermaidConfig } from "mermaid";
import type { DiagramBox } from "./config";
import { z } from "zod";
import { DIAGRAM_MIN_TEXT_PT } from "./drawing-check";

export type Relayout =
  | { kind: "direction"; direction: "LR" | "TB" }
  | { kind: "shapesPerRow"; count: number }
  | { kind: "bitsPerRow"; count: number }
  | { kind: "largerText"; px: number };

/** A relayout read back from the browser's store of drawings (components/mermaid/stored-drawings). */
export const relayoutSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("direction"), direction: z.enum(["LR", "TB"]) }),
  z.object({ kind: z.literal("shapesPerRow"), count: z.number() }),
  z.object({ kind: z.literal("bitsPerRow"), count: z.number() }),
  z.object({ kind: z.literal("largerText"), px: z.number() }),
]) satisfies z.ZodType<Relayout>;

/** What the sheet writes in data-diagram-relayout: "direction:LR", "shapesPerRow:2", … */
export function relayoutId(relayout: Relayout): string {
  switch (relayout.kind) {
    case "direction":
      return `direction:${relayout.direction}`;
    case "largerText":
      return `largerText:${relayout.px}`;
    default:
      return `${relayout.kind}:${relayout.count}`;
  }
}

/** The relayout an id names (as the section carries it), or null. */
export function parseRelayoutId(id: string): Relayout | null {
  const [kind, value = ""] = id.split(":");
  const count = Number(value);
  if (kind === "direction" && (value === "LR" || value === "TB")) return { kind, direction: value };
  if (!Number.isInteger(count) || count <= 0) return null;
  if (kind === "largerText") return { kind, px: count };
  if (kind === "shapesPerRow" || kind === "bitsPerRow") return { kind, count };
  return null;
}

/** A layout to try: the source to draw (the author's, or with its direction changed) and its configuration. */
export interface RelayoutCandidate {
  relayout: Relayout;
  code: string;
  config: MermaidConfig;
}

const PREAMBLE = String.raw`^(\s*(?:%%.*\n\s*)*(?:---[\s\S]*?---\s*)?`;
/** `flowchart TD`, `graph LR`: the direction is on the header. */
const FLOW_HEADER = new RegExp(PREAMBLE + String.raw`(?:flowchart|graph)(?![\w-]))(?:[ \t]+(TB|TD|BT|RL|LR))?`);
/** `gitGraph TB:`: so is a git graph's, with a colon. */
const GIT_HEADER = new RegExp(PREAMBLE + String.raw`gitGraph(?![\w-]))(?:[ \t]+(TB|BT|LR):)?`);
/** State, class, ER and requirement diagrams take a `direction LR` statement after the header. */
const STATEMENT_HEADER = new RegExp(
  PREAMBLE + String.raw`(?:stateDiagram(?:-v2)?|classDiagram(?:-v2)?|erDiagram|requirementDiagram)[^\n]*)`,
);
const DIRECTION_STATEMENT = /^([ \t]*direction[ \t]+)(TB|BT|LR|RL)[ \t]*$/m;

/** The other way round; a missing direction is the type's default (top-down, a git graph's left-right). */
const across = (direction: string | undefined, fallback: "LR" | "TB" = "TB"): "LR" | "TB" =>
  (direction ?? fallback) === "LR" || direction === "RL" ? "TB" : "LR";

/** The source drawn the other way round (top-down ↔ left-right), or null when the type has no direction. */
export function flipDirection(code: string): { code: string; direction: "LR" | "TB" } | null {
  const flow = FLOW_HEADER.exec(code);
  if (flow) {
    const direction = across(flow[2]);
    return { code: `${flow[1]} ${direction}${code.slice(flow[0].length)}`, direction };
  }
  const git = GIT_HEADER.exec(code);
  if (git) {
    const direction = across(git[2], "LR");
    return { code: `${git[1]} ${direction}:${code.slice(git[0].length)}`, direction };
  }
  const statement = STATEMENT_HEADER.exec(code);
  if (!statement) return null;
  const existing = DIRECTION_STATEMENT.exec(code);
  if (existing) {
    const direction = across(existing[2]);
    return { code: code.replace(DIRECTION_STATEMENT, `$1${direction}`), direction };
  }
  const end = statement[0].length;
  return { code: `${code.slice(0, end)}\n  direction LR${code.slice(end)}`, direction: "LR" };
}

/** The configuration's theme variables (Mermaid types them as any). */
function themeOf(config: MermaidConfig): object {
  const theme: unknown = config.themeVariables;
  return typeof theme === "object" && theme !== null ? theme : {};
}

function fontPx(config: MermaidConfig): number {
  const theme = themeOf(config);
  const size = "fontSize" in theme ? theme.fontSize : undefined;
  const px = typeof size === "string" ? parseFloat(size) : typeof size === "number" ? size : NaN;
  return Number.isFinite(px) && px > 0 ? px : 16;
}

/** The other layouts worth trying for a diagram of `type` drawn with `config` into `box`. */
export function relayoutCandidates(
  type: string,
  code: string,
  config: MermaidConfig,
  box: DiagramBox,
): RelayoutCandidate[] {
  const candidates: RelayoutCandidate[] = [];
  const flipped = flipDirection(code);
  if (flipped)
    candidates.push({ relayout: { kind: "direction", direction: flipped.direction }, code: flipped.code, config });
  if (/^C4/.test(type)) {
    // C4 takes its shapes per row from the source only (a later UpdateLayoutConfig wins).
    for (const count of [3, 2, 1]) {
      candidates.push({
        relayout: { kind: "shapesPerRow", count },
        code: `${code.trimEnd()}\n  UpdateLayoutConfig($c4ShapeInRow="${count}", $c4BoundaryInRow="1")\n`,
        config,
      });
    }
  }
  if (type.replace(/-beta$/, "") === "packet") {
    const count = 16;
    candidates.push({
      relayout: { kind: "bitsPerRow", count },
      code,
      config: {
        ...config,
        packet: { ...config.packet, bitsPerRow: count, bitWidth: Math.max(8, Math.floor(box.width / count)) },
      },
    });
  }
  const px = Math.round(fontPx(config) * 1.3);
  candidates.push({
    relayout: { kind: "largerText", px },
    code,
    config: { ...config, themeVariables: { ...themeOf(config), fontSize: `${px}px` } },
  });
  return candidates;
}

/** A diagram fills less than this share of its cell, while it could still grow: worth another layout. */
const SMALL_IN_CELL = 0.35;

/** How a drawing would sit in its cell (measured by lib/mermaid/fit-svg's predictFit). */
export interface Placement {
  pt: number | null;
  fill: number;
  atMaxScale: boolean;
  overlaps: boolean;
}

/** Whether a drawing should be tried in other layouts: text too small, labels over each other, or lost in its cell. */
export function worthRelayout(fit: Placement): boolean {
  if (fit.pt === null) return false;
  return fit.pt < DIAGRAM_MIN_TEXT_PT || fit.overlaps || (fit.fill < SMALL_IN_CELL && !fit.atMaxScale);
}

/** A variant must print its smallest text at least this much larger to replace the author's layout. */
const RELAYOUT_GAIN_PT = 0.3;

/** Legible (≥ 6 pt, no labels over each other) beats not; then labels apart beats over each other. */
function rank(fit: Pick<Placement, "pt" | "overlaps">): number {
  const legible = fit.pt !== null && fit.pt >= DIAGRAM_MIN_TEXT_PT && !fit.overlaps;
  return (legible ? 2 : 0) + (fit.overlaps ? 0 : 1);
}

/**
 * The layout to keep: the best tried variant — by rank, then by the largest smallest-text — if it
 * ranks above the author's own, or ranks alike and prints at least RELAYOUT_GAIN_PT larger; null
 * keeps the author's. Ties go to the earlier (simpler) variant.
 */
export function pickRelayout<T extends Pick<Placement, "pt" | "overlaps">>(
  original: Pick<Placement, "pt" | "overlaps">,
  tried: T[],
): T | null {
  let best: T | null = null;
  for (const variant of tried) {
    if (variant.pt === null) continue;
    if (best?.pt == null || rank(variant) > rank(best) || (rank(variant) === rank(best) && variant.pt > best.pt))
      best = variant;
  }
  if (best?.pt == null) return null;
  if (original.pt === null || rank(best) > rank(original)) return best;
  return rank(best) === rank(original) && best.pt >= original.pt + RELAYOUT_GAIN_PT ? best : null;
}
