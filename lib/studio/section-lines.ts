/** Where each top-level `<Section id="…">` of a sheet starts (1-based lines), in file order. */
export function sectionLines(source: string): { id: string; line: number }[] {
  const found: { id: string; line: number }[] = [];
  source.split("\n").forEach((text, index) => {
    const match = /^\s*<Section\b[^>]*\bid=["']([^"']+)["']/.exec(text);
    const id = match?.[1];
    if (id !== undefined) found.push({ id, line: index + 1 });
  });
  return found;
}

/** The section the cursor is in: the last `<Section` that starts at or above `line`, or null. */
export function sectionAtLine(source: string, line: number): string | null {
  const before = sectionLines(source).filter((s) => s.line <= line);
  return before.at(-1)?.id ?? null;
}

/** The line of `<Section id="…">`, or of the layout for the built-in title banner. */
export function lineOfSection(source: string, id: string): number | null {
  if (id === "title") {
    const index = source.split("\n").findIndex((text) => /^layout:/.test(text));
    return index >= 0 ? index + 1 : null;
  }
  return sectionLines(source).find((s) => s.id === id)?.line ?? null;
}
