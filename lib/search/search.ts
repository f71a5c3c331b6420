import "server-only";
import { chapterHref, momentHref, noteHref } from "@/lib/notes/links";
import { formatTimestamp } from "@/lib/content/timestamps";
import { z } from "zod";
import { db } from "@/lib/db";
import { directStatement, isBusy } from "@/lib/db/sqlite-direct";
import { chapterKey, ensureContentIndex, type ChapterContexts } from "./content-index";
import { startNoteIndexCheck } from "./note-index";
import { ftsMatchExpression, likePattern, parseSearchQuery, shortTerms, type SearchQuery } from "./query";
import { relevance } from "./rank";
import type { SearchResult } from "./result";
import { highlightTitle, makeSnippet } from "./snippet";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

/** One hit, as GET /api/search answers it (spec: kind … url; the rest helps the UI). */
interface Candidate {
  result: Omit<SearchResult, "snippet" | "matches" | "titleMatches">;
  body: string;
}

/** How many candidates each table offers, before the ranking across tables picks the best. */
function candidateCount(limit: number): number {
  return Math.max(30, limit * 2);
}

/**
 * The WHERE clause and its parameters: the trigram index for terms of 3+ characters, LIKE for
 * shorter ones (over the index's hits when there are any, else over the whole table).
 */
function conditions(query: SearchQuery, table: string, columns: string[]): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const match = ftsMatchExpression(query);
  if (match) {
    parts.push(`"${table}" MATCH ?`);
    params.push(match);
  }
  for (const term of shortTerms(query)) {
    parts.push(`(${columns.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(" OR ")})`);
    params.push(...columns.map(() => likePattern(term)));
  }
  return { where: parts.join(" AND "), params };
}

/**
 * The rows of a read, checked: through the direct connection (a prepared statement, no Prisma
 * query engine in between: a search is three small queries, and each cost more there than in
 * SQLite), through Prisma when another connection holds a lock it must wait for.
 */
async function readRows<T>(schema: z.ZodType<T>, sql: string, params: (string | number)[]): Promise<T[]> {
  let rows: unknown;
  try {
    rows = directStatement(sql).all(...params);
  } catch (error) {
    if (!isBusy(error)) throw error;
    rows = await db.$queryRawUnsafe<unknown>(sql, ...params);
  }
  return z.array(schema).parse(rows);
}

/** SQLite integers come back as bigint through Prisma, as number through better-sqlite3. */
const integer = z.union([z.number(), z.bigint()]).transform(Number);
const contentRowSchema = z.object({
  kind: z.enum(["chapter", "sheet", "transcript"]),
  course: z.string(),
  chapter: integer,
  section: z.string().nullable(),
  timestamp: integer.nullable(),
  context: z.string(),
  title: z.string(),
  body: z.string(),
});
const noteRowSchema = z.object({
  id: z.string(),
  course: z.string(),
  chapter: integer,
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  timestamp: integer.nullable(),
  body: z.string(),
});
type NoteRow = z.infer<typeof noteRowSchema>;

/**
 * What a query reads: the FTS5 table when the index can serve one of its terms, else FTS5's own
 * plain table of the same text (`<table>_content`: columns c0… in declaration order, rowid "id",
 * rows in the same order). A query without an indexed term scans every row, and through the
 * virtual table each row costs a cursor step and a column call more: ~1.5× the plain table's time.
 */
function source(query: SearchQuery, table: string, columns: string[]): string {
  if (ftsMatchExpression(query)) return `"${table}"`;
  const named = columns.map((column, index) => `c${index} AS "${column}"`).join(", ");
  return `(SELECT "id" AS "rowid", ${named} FROM "${table}_content")`;
}

const CONTENT_COLUMNS = ["kind", "course", "chapter", "section", "timestamp", "context", "title", "body"];
const NOTE_COLUMNS = ["noteId", "body"];

async function contentCandidates(query: SearchQuery, limit: number): Promise<Candidate[]> {
  const { where, params } = conditions(query, "SearchContent", [`"title"`, `"body"`]);
  // bm25 weights follow the columns: the six unindexed ones, then title (×4) and body.
  const order = ftsMatchExpression(query) ? `ORDER BY bm25("SearchContent", 0, 0, 0, 0, 0, 0, 4.0, 1.0)` : "";
  const rows = await readRows(
    contentRowSchema,
    `SELECT "kind", "course", "chapter", "section", "timestamp", "context", "title", "body" FROM ${source(query, "SearchContent", CONTENT_COLUMNS)} WHERE ${where} ${order} LIMIT ?`,
    [...params, candidateCount(limit)],
  );
  return rows.map((row) => {
    const { chapter } = row;
    const base = { course: row.course, chapter, title: row.title, context: row.context };
    if (row.kind === "transcript") {
      const timestamp = row.timestamp ?? 0;
      return {
        body: row.body,
        result: { kind: "transcript", ...base, timestamp, url: momentHref(row.course, chapter, timestamp) },
      };
    }
    if (row.kind === "sheet" && row.section) {
      return {
        body: row.body,
        result: {
          kind: "sheet",
          ...base,
          section: row.section,
          url: `${chapterHref(row.course, chapter)}#section-${encodeURIComponent(row.section)}`,
        },
      };
    }
    return { body: row.body, result: { kind: "sheet", ...base, url: chapterHref(row.course, chapter) } };
  });
}

function noteTitle(row: NoteRow): string {
  if (row.sectionTitle) return `Note · ${row.sectionTitle}`;
  if (row.timestamp !== null) return `Note · ${formatTimestamp(row.timestamp)}`;
  return "Note";
}

/**
 * Ranking every match with bm25 costs ~3 µs a note: fine for a few thousand, 300 ms when a
 * common word matches 80,000 notes. Beyond this many matches the newest ones are the candidates
 * (counting stops here, so the count itself stays cheap).
 */
const RANKED_NOTE_MATCHES = 2000;

async function noteOrder(query: SearchQuery, where: string, params: string[]): Promise<string> {
  if (!ftsMatchExpression(query)) return "ORDER BY rowid DESC";
  const [{ count } = { count: 0 }] = await readRows(
    z.object({ count: integer }),
    `SELECT count(*) AS count FROM (SELECT 1 FROM "SearchNote" WHERE ${where} LIMIT ${RANKED_NOTE_MATCHES + 1})`,
    params,
  );
  return Number(count) > RANKED_NOTE_MATCHES ? "ORDER BY rowid DESC" : "ORDER BY rank";
}

async function noteCandidates(query: SearchQuery, limit: number, contexts: ChapterContexts): Promise<Candidate[]> {
  const { where, params } = conditions(query, "SearchNote", [`"body"`]);
  // Best first through the index when it can rank them all, else (and for LIKE only) the newest.
  const order = await noteOrder(query, where, params);
  const rows = await readRows(
    noteRowSchema,
    `SELECT n."id", n."course", n."chapter", n."section", n."sectionTitle", n."timestamp", s."body"
       FROM (SELECT rowid, "noteId", "body" FROM ${source(query, "SearchNote", NOTE_COLUMNS)} WHERE ${where} ${order} LIMIT ?) s
       JOIN "Note" n ON n.rowid = s.rowid AND n."id" = s."noteId" AND n."deletedAt" IS NULL`,
    [...params, candidateCount(limit)],
  );
  return rows.map((row) => {
    const { chapter } = row;
    return {
      body: row.body,
      result: {
        kind: "note",
        course: row.course,
        chapter,
        ...(row.section ? { section: row.section } : {}),
        ...(row.timestamp !== null ? { timestamp: row.timestamp } : {}),
        noteId: row.id,
        title: noteTitle(row),
        context: contexts.get(chapterKey(row.course, chapter)) ?? `${row.course} · ${chapter}`,
        url: noteHref({ id: row.id, course: row.course, chapter, section: row.section }),
      },
    };
  });
}

/**
 * Searches sheet sections, chapter titles, transcript lines and notes; every word must occur,
 * inside words too, in Korean as in English. Best first, at most `limit` (≤ MAX_LIMIT).
 */
export async function search(raw: string, options: { limit?: number } = {}): Promise<SearchResult[]> {
  const query = parseSearchQuery(raw);
  if (query.terms.length === 0) return [];
  const limit = Math.min(MAX_LIMIT, Math.max(1, options.limit ?? DEFAULT_LIMIT));
  // The note index check counts and joins every note: it runs a moment after the first search, not
  // before it. Until it is done the triggers' index is used as it is; a stale row is never shown
  // (hits are joined to "Note" by rowid and id), at worst one is missed.
  startNoteIndexCheck();
  const contexts = await ensureContentIndex();
  const candidates = [...(await contentCandidates(query, limit)), ...(await noteCandidates(query, limit, contexts))];
  return candidates
    .map((candidate, order) => ({
      candidate,
      order,
      score: relevance({ title: candidate.result.title, body: candidate.body }, query),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ candidate }) => {
      const snippet = makeSnippet(candidate.body, query.terms);
      return {
        ...candidate.result,
        snippet: snippet.text,
        matches: snippet.matches,
        titleMatches: highlightTitle(candidate.result.title, query.terms).matches,
      };
    });
}
