import type { Mermaid } from "mermaid";
import { mermaidConfig } from "@/lib/mermaid/config";

let mermaidPromise: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/** Mermaid is loaded on first use only, after the fonts, so labels are measured in the right font. */
function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= document.fonts.ready
    .then(() => import("mermaid"))
    .then(({ default: mermaid }) => {
      mermaid.initialize(mermaidConfig);
      return mermaid;
    });
  return mermaidPromise;
}

export type RenderResult = { ok: true; svg: string } | { ok: false; message: string; line?: number };

function errorLine(message: string): number | undefined {
  const match = /line (\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Renders one diagram at a time: Mermaid keeps global state and is not safe to run concurrently. */
export function renderMermaid(code: string): Promise<RenderResult> {
  const job = queue.then(async (): Promise<RenderResult> => {
    const mermaid = await loadMermaid();
    const id = `mermaid-${++counter}`;
    try {
      const { svg } = await mermaid.render(id, code);
      return { ok: true, svg };
    } catch (error) {
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message, line: errorLine(message) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
