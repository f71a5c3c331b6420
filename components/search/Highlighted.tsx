import type { TextRange } from "@/lib/search/snippet";

/** Text with its matched runs in <mark>: React escapes the text, so nothing in it is ever HTML. */
export function Highlighted({ text, matches }: { text: string; matches: TextRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { start, end } of matches) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
