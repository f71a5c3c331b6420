import type { Mermaid, MermaidConfig } from "mermaid";
import { configForBox, SHEET_FONT_STACK, type DiagramBox } from "@/lib/mermaid/config";
import { diagramType } from "@/lib/mermaid/describe";
import { drawingId } from "@/lib/mermaid/drawing-ids";
import { activeContent, drawingProblem } from "@/lib/mermaid/drawing-check";
import { mermaidErrorLine } from "@/lib/mermaid/errors";
import { predictFit, type PredictedFit, type SvgFrame } from "@/lib/mermaid/fit-svg";
import { diagramNotices, LABELS_OVERLAP_NOTICE, type DiagramNotice } from "@/lib/mermaid/notices";
import { RecentValues } from "@/lib/recent-values";
import { pickRelayout, relayoutCandidates, worthRelayout, type Relayout } from "@/lib/mermaid/relayout";
import { fetchIconPack, registerIconPacks, registerPlaceholderIcons } from "./icon-packs";
import { storeDrawing, storedDrawing } from "./stored-drawings";

let mermaidPromise: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;
/** Part of every drawing's id, new on each page load (see drawingId). */
const PAGE_LOAD = Math.random().toString(36).slice(2, 8) || "0";

/**
 * Some diagram types (block) JSON.stringify their layout for a debug log, and it holds d3
 * selections whose parent is <html>. React keeps its fiber on <html> and <body> (the app renders
 * them), a circular structure, so that stringify throws. Giving those two a toJSON keeps the
 * stringify from walking into React's internals; nothing else serialises DOM elements.
 */
function keepReactOutOfJson() {
  for (const element of [document.documentElement, document.body]) {
    if (!Object.hasOwn(element, "toJSON"))
      Object.defineProperty(element, "toJSON", { value: () => element.tagName.toLowerCase() });
  }
}

/**
 * Loads Mermaid, once, when a diagram is first to be drawn with it: a sheet whose drawings the
 * browser kept (stored-drawings) never loads it, and loading it beside the page's own code (as
 * this did before) held up the page's hydration by more than it gained a first visit.
 */
function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import("mermaid").then(({ default: mermaid }) => {
    keepReactOutOfJson();
    registerIconPacks(mermaid);
    return mermaid;
  });
  return mermaidPromise;
}

let fontsPromise: Promise<unknown> | null = null;

/**
 * The faces diagrams draw with, loaded. A face loads only once text asks for it, so a bold title
 * would otherwise be measured (by Mermaid, and for the cell's frame) in a stand-in font and come
 * out wider once Kalam Bold arrives.
 */
function diagramFonts(): Promise<unknown> {
  fontsPromise ??= Promise.all([
    document.fonts.ready,
    ...["400", "700"].map((weight) => document.fonts.load(`${weight} 16px ${SHEET_FONT_STACK}`, "Aa가")),
  ]).catch(() => undefined);
  return fontsPromise;
}

/**
 * The drawing, repaired where it can be (see drawingProblem), or what makes it unusable. A drawing
 * kept from an earlier load (`kept`) comes from outside what Mermaid cleaned: it must also be one
 * <svg> and nothing else, with nothing in it that can run (activeContent).
 */
function checkedDrawing(svg: string, { kept = false }: { kept?: boolean } = {}): string | { problem: string } {
  // A template is parsed inert: nothing in it runs or loads.
  const template = document.createElement("template");
  template.innerHTML = svg;
  const root = template.content.querySelector("svg");
  if (!root) return { problem: "the diagram came out blank: Mermaid returned no drawing" };
  if (kept) {
    const alone = template.content.childNodes.length === 1 && template.content.firstChild === root;
    const active = alone ? activeContent(root) : "more than one drawing";
    if (active) return { problem: `the kept drawing holds ${active}` };
  }
  const problem = drawingProblem(root);
  return problem ? { problem } : root.outerHTML;
}

export type RenderResult =
  | { ok: true; svg: string; ms: number; relayout?: Relayout; notices: DiagramNotice[]; frame?: SvgFrame }
  | { ok: false; message: string; line?: number; ms: number };

/** One drawing: the checked SVG, or the problem that makes it unusable. Mermaid's own errors are thrown. */
async function draw(mermaid: Mermaid, code: string, config: MermaidConfig): Promise<string | { problem: string }> {
  const id = drawingId(PAGE_LOAD, ++counter);
  try {
    mermaid.initialize(config);
    const { svg } = await mermaid.render(id, code);
    return checkedDrawing(svg);
  } catch (error) {
    // A failed render leaves its scratch elements behind.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
    throw error;
  }
}

/**
 * The author's drawing, or the other layout (relayout.ts) whose text prints largest in `box`, when
 * the author's would print too small or fill little of its cell. A variant that fails is skipped.
 * With the frame each was measured in, kept with the drawing so it is not measured again.
 */
async function bestLayout(
  mermaid: Mermaid,
  type: string,
  code: string,
  config: MermaidConfig,
  box: DiagramBox,
  svg: string,
): Promise<{ svg: string; relayout?: Relayout; overlaps: boolean; frame?: SvgFrame }> {
  const original = predictFit(svg, box);
  if (!worthRelayout(original)) return { svg, overlaps: original.overlaps, frame: original.frame };
  const tried: ({ svg: string; relayout: Relayout } & PredictedFit)[] = [];
  for (const candidate of relayoutCandidates(type, code, config, box)) {
    const drawn = await draw(mermaid, candidate.code, candidate.config).catch(() => null);
    if (typeof drawn === "string") tried.push({ svg: drawn, relayout: candidate.relayout, ...predictFit(drawn, box) });
  }
  const best = pickRelayout(original, tried);
  return best
    ? { svg: best.svg, relayout: best.relayout, overlaps: best.overlaps, frame: best.frame }
    : { svg, overlaps: original.overlaps, frame: original.frame };
}

type Drawing = Extract<RenderResult, { ok: true }>;

/**
 * Drawings made on this page, by code, box and relayout: a sheet drawn again with the same
 * diagrams (the studio's preview after every pause remounts the page) takes them from here
 * instead of running Mermaid again; the oldest go first.
 */
const drawings = new RecentValues<string, Drawing>(64);

function drawingKey(code: string, box: DiagramBox | null, relayout: boolean): string {
  return `${relayout ? "relayout" : "as-typed"} ${box ? `${box.width}x${box.height}` : "no-box"}\n${code}`;
}

/** A kept drawing, unless the page shows it already: its ids (arrow markers, styles) would be doubled. */
function keptDrawing(key: string): Drawing | undefined {
  const kept = drawings.get(key);
  if (!kept) return undefined;
  const id = /^<svg[^>]*\sid="([^"]+)"/.exec(kept.svg)?.[1];
  return id !== undefined && document.getElementById(id) ? undefined : kept;
}

/** A drawing kept from an earlier page load, checked as one from Mermaid is, unless the page shows it already. */
async function storedFor(key: string): Promise<Drawing | undefined> {
  const stored = await storedDrawing(key);
  const svg = stored ? checkedDrawing(stored.svg, { kept: true }) : null;
  if (!stored || typeof svg !== "string") return undefined;
  drawings.set(key, { ok: true, ...stored, svg, ms: 0 });
  return keptDrawing(key);
}

/**
 * The drawing made already for this code in this box, if the page does not show it: what a sheet
 * drawn again (the studio's preview) takes at once, while it is laid out, before it is painted.
 */
export function keptMermaidDrawing(
  code: string,
  box: DiagramBox | null,
  { relayout = false }: { relayout?: boolean } = {},
): RenderResult | null {
  const kept = keptDrawing(drawingKey(code, box, relayout));
  return kept ? { ...kept, ms: 0 } : null;
}

/**
 * Renders one diagram at a time: Mermaid keeps global state (its configuration among it) and is
 * not safe to run concurrently. `measure` is asked for the box to draw into just before drawing,
 * when the fonts are in and the layout has settled; charts with a fixed canvas are drawn at that
 * size (see configForBox). With `relayout`, a diagram too small for its cell is tried in other
 * layouts first (the sheet's diagrams; the editor's preview shows the source as typed).
 */
export function renderMermaid(
  code: string,
  measure: () => DiagramBox | null,
  { relayout = false }: { relayout?: boolean } = {},
): Promise<RenderResult> {
  const job = queue.then(async (): Promise<RenderResult> => {
    // The box is measured once the page's text is in its fonts. A drawing kept from an earlier
    // load needs no Mermaid at all, nor the faces Mermaid measures labels in.
    await document.fonts.ready;
    const type = diagramType(code);
    const lookedUp = performance.now();
    const reuse = async (key: string) => {
      const kept = keptDrawing(key) ?? (await storedFor(key));
      return kept ? { ...kept, ms: performance.now() - lookedUp } : undefined;
    };
    const early = drawingKey(code, measure(), relayout);
    const keptEarly = await reuse(early);
    if (keptEarly) return keptEarly;
    // Drawing waits for those faces too, so labels are measured in the right font.
    const [mermaid] = await Promise.all([loadMermaid(), diagramFonts()]);
    // Measured again: the page may have settled while Mermaid and the faces loaded.
    const started = performance.now();
    const box = measure();
    const key = drawingKey(code, box, relayout);
    const kept = key === early ? undefined : await reuse(key);
    if (kept) return kept;
    try {
      await registerPlaceholderIcons(mermaid, code);
      const config = configForBox(type, box);
      const checked = await draw(mermaid, code, config);
      // Read by the benchmark: render time per diagram type, queue wait excluded.
      performance.measure(`mermaid-render:${type}`, { start: started });
      if (typeof checked !== "string") return { ok: false, message: checked.problem, ms: performance.now() - started };
      const { overlaps, ...chosen } =
        relayout && box
          ? await bestLayout(mermaid, type, code, config, box, checked)
          : { svg: checked, overlaps: false };
      const notices = [...(await diagramNotices(code, fetchIconPack)), ...(overlaps ? [LABELS_OVERLAP_NOTICE] : [])];
      const drawing: Drawing = { ok: true, ...chosen, notices, ms: performance.now() - started };
      drawings.set(key, drawing);
      void storeDrawing(key, { svg: drawing.svg, relayout: drawing.relayout, notices, frame: drawing.frame });
      return drawing;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message, line: mermaidErrorLine(message), ms: performance.now() - started };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
