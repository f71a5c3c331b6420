/** The longest query the search accepts (the API answers 400 beyond). */
export const MAX_QUERY_LENGTH = 200;
/** The trigram tokenizer indexes runs of 3 characters: shorter terms cannot use the index. */
const TRIGRAM_LENGTH = 3;
/** More words than this add nothing but work. */
const MAX_TERMS = 8;

export interface SearchQuery {
  /** The query as typed, trimmed, whitespace collapsed, NFC (Korean typed on any keyboard). */
  text: string;
  /** What must all appear (inside words too): the words, and "quoted phrases" kept whole. */
  terms: string[];
}

/** Characters, not UTF-16 units: "토큰" is 2, as the trigram tokenizer counts. */
function characterCount(text: string): number {
  return [...text].length;
}

export function parseSearchQuery(raw: string): SearchQuery {
  // Control characters (NUL, escapes) cannot be typed into a search and break FTS5 strings: they
  // count as spaces, so "nul\0byte" searches for "nul" and "byte".
  const text = raw
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? "").trim().replace(/^"+|"+$/g, "");
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  // A term inside a longer one adds no condition ("model" within "models").
  const needed = terms.filter(
    (term) => !terms.some((other) => other !== term && other.toLowerCase().includes(term.toLowerCase())),
  );
  return { text, terms: needed.slice(0, MAX_TERMS) };
}

/** Terms the trigram index can find. */
function indexedTerms(query: SearchQuery): string[] {
  return query.terms.filter((term) => characterCount(term) >= TRIGRAM_LENGTH);
}

/** Terms too short for the index (1–2 characters, e.g. a two-syllable Korean word): LIKE. */
export function shortTerms(query: SearchQuery): string[] {
  return query.terms.filter((term) => characterCount(term) < TRIGRAM_LENGTH);
}

/**
 * The FTS5 MATCH expression: every indexed term as a quoted string (so nothing in it is query
 * syntax), all required. Null when no term is long enough.
 */
export function ftsMatchExpression(query: SearchQuery): string | null {
  const terms = indexedTerms(query);
  return terms.length === 0 ? null : terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(" AND ");
}

/** A LIKE pattern finding `term` anywhere, used with `ESCAPE '\'`. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
