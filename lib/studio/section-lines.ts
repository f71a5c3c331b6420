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

/**
 * When `line` is inside a top-level `<Section>`, the line of its `</Section>` (a new Section goes
 * after it, since sections do not nest); null when the line is between sections.
 */
export function enclosingSectionEnd(source: string, line: number): number | null {
  const lines = source.split("\n");
  const start = sectionLines(source)
    .filter((s) => s.line <= line)
    .at(-1)?.line;
  if (start === undefined) return null;
  const close = lines.findIndex((text, index) => index + 1 >= start && /^\s*<\/Section>/.test(text));
  return close >= 0 && close + 1 >= line ? close + 1 : null;
}
