/**
 * What a diagram will draw differently from what its author wrote, found in its source: a label on
 * a fork/join bar (Mermaid draws the bar alone, by design), an icon no bundled pack has (drawn as a
 * named placeholder). content:check lists them as warnings at their line; the sheet shows them on
 * the diagram's cell.
 */
import { unknownIcons } from "./icons";

export interface DiagramNotice {
  /** The diagram's line (1 = its first line), when the notice is about one. */
  line?: number;
  message: string;
}

/** `F@{ shape: fork, label: "Fork or Join" }`: a node written with Mermaid's shape syntax. */
const SHAPED_NODE = /([A-Za-z0-9_-]+)@\{([^}]*)\}/g;

export function forkJoinLabels(code: string): DiagramNotice[] {
  return code.split("\n").flatMap((text, index) =>
    [...text.matchAll(SHAPED_NODE)].flatMap((match) => {
      const body = match[2] ?? "";
      const shape = /\bshape:\s*["']?(fork|join)\b/.exec(body)?.[1];
      const label = /\blabel:\s*(["'])(.*?)\1/.exec(body)?.[2]?.trim();
      if (!shape || !label) return [];
      return [
        {
          line: index + 1,
          message: `fork/join bars draw no label: node ${match[1]} "${label}" (line ${index + 1}) is drawn as a bare ${shape} bar: put the words on an edge or a node beside it`,
        },
      ];
    }),
  );
}

export async function diagramNotices(code: string): Promise<DiagramNotice[]> {
  const icons = (await unknownIcons(code)).map((message) => ({ message }));
  return [...forkJoinLabels(code), ...icons];
}
