import type { Mermaid } from "mermaid";
import { configForBox, type DiagramBox } from "@/lib/mermaid/config";
import { diagramType } from "@/lib/mermaid/describe";
import { drawingProblem } from "@/lib/mermaid/drawing-check";
import { mermaidErrorLine } from "@/lib/mermaid/errors";
import { registerIconPacks } from "./icon-packs";

let mermaidPromise: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

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
 * Starts loading Mermaid, once. Called as soon as a diagram's module runs (before React hydrates
 * the page), so the large Mermaid chunk downloads and parses while the fonts load; a sheet without
 * diagrams never loads it.
 */
export function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import("mermaid").then(({ default: mermaid }) => {
    keepReactOutOfJson();
    registerIconPacks(mermaid);
    return mermaid;
  });
  return mermaidPromise;
}

/** The drawing, repaired where it can be (see drawingProblem), or what makes it unusable. */
function checkedDrawing(svg: string): string | { problem: string } {
  // A template is parsed inert: nothing in it runs or loads.
  const template = document.createElement("template");
  template.innerHTML = svg;
  const root = template.content.querySelector("svg");
  if (!root) return { problem: "the diagram came out blank: Mermaid returned no drawing" };
  const problem = drawingProblem(root);
  return problem ? { problem } : root.outerHTML;
}

export type RenderResult =
  { ok: true; svg: string; ms: number } | { ok: false; message: string; line?: number; ms: number };

/**
 * Renders one diagram at a time: Mermaid keeps global state (its configuration among it) and is
 * not safe to run concurrently. `measure` is asked for the box to draw into just before drawing,
 * when the fonts are in and the layout has settled; charts with a fixed canvas are drawn at that
 * size (see configForBox).
 */
export function renderMermaid(code: string, measure: () => DiagramBox | null): Promise<RenderResult> {
  const job = queue.then(async (): Promise<RenderResult> => {
    // Drawing waits for the fonts too, so labels are measured in the right font.
    const [mermaid] = await Promise.all([loadMermaid(), document.fonts.ready]);
    const id = `mermaid-${++counter}`;
    const type = diagramType(code);
    const started = performance.now();
    try {
      mermaid.initialize(configForBox(type, measure()));
      const { svg } = await mermaid.render(id, code);
      // Read by the benchmark: render time per diagram type, queue wait excluded.
      performance.measure(`mermaid-render:${type}`, { start: started });
      const checked = checkedDrawing(svg);
      if (typeof checked !== "string") return { ok: false, message: checked.problem, ms: performance.now() - started };
      return { ok: true, svg: checked, ms: performance.now() - started };
    } catch (error) {
      // A failed render leaves its scratch elements behind.
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message, line: mermaidErrorLine(message), ms: performance.now() - started };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
