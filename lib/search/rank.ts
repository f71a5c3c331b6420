import type { SearchQuery } from "./query";

/**
 * How well a hit answers the query, comparable across sheets, transcripts and notes (FTS5's
 * bm25 is not: each table has its own statistics, and the LIKE fallback has none). Higher is
 * better. The whole query as typed beats its words scattered; the title beats the body; a
 * shorter text where the words make up more of it beats a long one that mentions them once.
 */
export function relevance(hit: { title: string; body: string }, query: SearchQuery): number {
  const title = hit.title.toLowerCase();
  const body = hit.body.toLowerCase();
  const phrase = query.text.toLowerCase().replaceAll('"', "");
  let score = 0;
  if (title === phrase) score += 8;
  else if (title.includes(phrase)) score += 5;
  if (body.includes(phrase)) score += query.terms.length > 1 ? 5 : 2;
  for (const raw of query.terms) {
    const term = raw.toLowerCase();
    if (title.includes(term)) score += 3;
    score += Math.min(3, occurrences(body, term));
  }
  return score - Math.min(2, body.length / 1500);
}

function occurrences(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at !== -1 && count < 10; at = text.indexOf(term, at + term.length)) count++;
  return count;
}
