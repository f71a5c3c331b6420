import { diffIndices } from "node-diff3";

export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
}

/** A line diff from `before` to `after`, for the history view ("removed" = only in before). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const old = before.split("\n");
  const lines: DiffLine[] = [];
  let next = 0;
  for (const change of diffIndices(old, after.split("\n"))) {
    const [start, length] = change.buffer1;
    lines.push(...old.slice(next, start).map((text): DiffLine => ({ kind: "same", text })));
    lines.push(...change.buffer1Content.map((text): DiffLine => ({ kind: "removed", text })));
    lines.push(...change.buffer2Content.map((text): DiffLine => ({ kind: "added", text })));
    next = start + length;
  }
  lines.push(...old.slice(next).map((text): DiffLine => ({ kind: "same", text })));
  return lines;
}
