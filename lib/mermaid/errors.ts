/** Mermaid's error messages, read the same way by the checker and by the sheet's error box. */

/** The line of the diagram the message points at (1 = the diagram's first line), when it says. */
export function mermaidErrorLine(message: string): number | undefined {
  const match = /\bline (\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The message on one line: its first few non-empty lines joined (parsers add a caret drawing). */
export function mermaidErrorSummary(message: string, lines = 4): string {
  return message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, lines)
    .join(" | ");
}
