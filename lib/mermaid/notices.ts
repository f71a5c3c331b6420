/**
 * What a diagram will draw differently from what its author wrote, found in its source: a label on
 * a fork/join bar (Mermaid draws the bar alone, by design), an icon no bundled pack has (drawn as a
 * named placeholder). content:check lists them as warnings at their line; the sheet shows them on
 * the diagram's cell.
 */
import { z } from "zod";
import { missingIcons, unknownIconMessage, type IconPackSource } from "./icons";

/** What a notice says, as a message key and its values: the cell words it in the interface language. */
export type NoticeSaid =
  | { key: "forkJoin"; node: string; label: string; line: number; shape: string }
  | { key: "noPack" | "notInPack"; icon: string; pack: string }
  | { key: "labelsOverlap" };

export interface DiagramNotice {
  /** The diagram's line (1 = its first line), when the notice is about one. */
  line?: number;
  /** In English, for content:check and data-diagram-notice. */
  message: string;
  said: NoticeSaid;
}

/** A notice read back from the browser's store of drawings (components/mermaid/stored-drawings). */
export const diagramNoticeSchema = z.object({
  line: z.number().optional(),
  message: z.string(),
  said: z.discriminatedUnion("key", [
    z.object({
      key: z.literal("forkJoin"),
      node: z.string(),
      label: z.string(),
      line: z.number(),
      shape: z.string(),
    }),
    z.object({ key: z.enum(["noPack", "notInPack"]), icon: z.string(), pack: z.string() }),
    z.object({ key: z.literal("labelsOverlap") }),
  ]),
}) satisfies z.ZodType<DiagramNotice>;

/** `F@{ shape: fork, label: "Fork or Join" }`: a node written with Mermaid's shape syntax. */
const SHAPED_NODE = /([A-Za-z0-9_-]+)@\{([^}]*)\}/g;

export function forkJoinLabels(code: string): DiagramNotice[] {
  return code.split("\n").flatMap((text, index) =>
    [...text.matchAll(SHAPED_NODE)].flatMap((match) => {
      const body = match[2] ?? "";
      const shape = /\bshape:\s*["']?(fork|join)\b/.exec(body)?.[1];
      const label = /\blabel:\s*(["'])(.*?)\1/.exec(body)?.[2]?.trim();
      if (!shape || !label) return [];
      const node = match[1] ?? "";
      const line = index + 1;
      return [
        {
          line,
          message: `fork/join bars draw no label: node ${node} "${label}" (line ${line}) is drawn as a bare ${shape} bar: put the words on an edge or a node beside it`,
          said: { key: "forkJoin", node, label, line, shape },
        },
      ];
    }),
  );
}

/**
 * Labels drawn over each other in the layout chosen (e.g. a packet's one-bit fields): found when the
 * diagram is measured in its cell, so the sheet says it, not content:check's reading of the source.
 */
export const LABELS_OVERLAP_NOTICE: DiagramNotice = {
  message: "labels drawn over each other: give this diagram more width or shorten its labels",
  said: { key: "labelsOverlap" },
};

export async function diagramNotices(code: string, loadPack: IconPackSource): Promise<DiagramNotice[]> {
  const icons = (await missingIcons(code, loadPack)).map((icon): DiagramNotice => ({
    message: unknownIconMessage(icon),
    said: { key: icon.missing === "pack" ? "noPack" : "notInPack", icon: `${icon.pack}:${icon.name}`, pack: icon.pack },
  }));
  return [...forkJoinLabels(code), ...icons];
}
