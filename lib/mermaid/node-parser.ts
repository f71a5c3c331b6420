import type { Mermaid } from "mermaid";

export type MermaidParse = (code: string) => Promise<void>;

let parser: Promise<MermaidParse> | null = null;

/**
 * Mermaid's own parser, run in Node. Mermaid sanitises labels with DOMPurify while it parses, and
 * DOMPurify needs a DOM when it is first imported: happy-dom provides one (a global window and
 * document, kept for the life of the process), so every diagram type is checked here exactly as
 * the browser parses it. For scripts and tests only: never import this into the app's server.
 */
export function loadMermaidParser(): Promise<MermaidParse> {
  parser ??= (async () => {
    const globals = globalThis as { window?: unknown; document?: unknown };
    if (globals.window === undefined) {
      const { Window } = await import("happy-dom");
      const window = new Window();
      globals.window = window;
      globals.document = window.document;
    }
    const { default: mermaid }: { default: Mermaid } = await import("mermaid");
    return async (code: string) => {
      await mermaid.parse(code);
    };
  })();
  return parser;
}
