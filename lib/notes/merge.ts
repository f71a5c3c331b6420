import { merge } from "node-diff3";

/**
 * A three-way merge of two texts written from the same `base`, line by line. Lines changed on
 * one side only merge cleanly; lines changed on both sides are kept, both, between markers the
 * user resolves (nothing is dropped).
 */
export function mergeTexts(base: string, mine: string, theirs: string): { text: string; clean: boolean } {
  const { conflict, result } = merge(mine, base, theirs, { stringSeparator: "\n" });
  const labelled = result.map((line) =>
    line === "<<<<<<<" ? "<<<<<<< yours" : line === ">>>>>>>" ? ">>>>>>> saved" : line,
  );
  return { text: labelled.join("\n"), clean: !conflict };
}
