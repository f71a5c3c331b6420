/** A run of matched characters: `text.slice(start, end)`, in UTF-16 offsets as JavaScript slices. */
export interface TextRange {
  start: number;
  end: number;
}

/** Plain text with the places that matched; the UI wraps those in <mark> (never raw HTML). */
export interface HighlightedText {
  text: string;
  matches: TextRange[];
}

const SNIPPET_LENGTH = 180;
/** How much text to keep before the first match, so it reads in context. */
const LEAD = 50;
/** How far to move a cut to reach a word boundary. */
const SNAP = 16;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every place a term occurs (case-insensitive), sorted, overlapping ones merged. */
export function findMatches(text: string, terms: string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (const match of text.matchAll(new RegExp(escapeRegExp(term), "giu"))) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Line breaks become " · " so a multi-line section reads as one line of its parts. */
function flatten(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " · ")
    .replace(/\s+/g, " ")
    .trim();
}

function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.indexOf(" ", at);
  return space !== -1 && space - at <= SNAP ? space + 1 : at;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(" ", at);
  return space !== -1 && at - space <= SNAP ? space : at;
}

/**
 * Where the snippet should start: at the first match whose window shows the most different
 * terms (so "token simulator" shows where both words are, not the first lone "token").
 */
function bestWindowStart(text: string, terms: string[], length: number): number {
  const perTerm = terms.map((term) => findMatches(text, [term]));
  let best = { start: 0, terms: 0 };
  for (const { start: at } of perTerm.flat().sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, Math.min(at - LEAD, text.length - length));
    const end = start + length;
    const shown = perTerm.filter((ranges) => ranges.some((r) => r.start >= start && r.end <= end)).length;
    if (shown > best.terms) best = { start, terms: shown };
    if (shown === terms.length) break;
  }
  return best.start;
}

/**
 * About `length` characters of `text` around its best match, cut at word boundaries, with "…"
 * where it was cut, and where the terms occur in it. Without a match: the beginning.
 */
export function makeSnippet(source: string, terms: string[], length = SNIPPET_LENGTH): HighlightedText {
  const text = flatten(source);
  if (text.length <= length) return { text, matches: findMatches(text, terms) };
  const wantedStart = bestWindowStart(text, terms, length);
  const start = snapStart(text, Math.max(0, wantedStart));
  const end = snapEnd(text, Math.min(text.length, start + length));
  const snippet = `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
  return { text: snippet, matches: findMatches(snippet, terms) };
}

/** A title with its matches (titles are short: never cut). */
export function highlightTitle(title: string, terms: string[]): HighlightedText {
  return { text: title, matches: findMatches(title, terms) };
}
