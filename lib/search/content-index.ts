import { z } from "zod";
import { loadAllCourses, type ChapterEntry, type Course } from "@/lib/content/course";
import { contentHash } from "@/lib/content/cache";
import { contentVersion } from "@/lib/content/changes";
import { chapterFileStamp, readChapterContent, type ChapterContent } from "@/lib/content/fingerprint";
import { formatTimestamp } from "@/lib/content/timestamps";
import { db } from "@/lib/db";
import { directStatement, directTransaction, isBusy } from "@/lib/db/sqlite-direct";

/**
 * Bump when what is indexed (or how its text is made) changes, so existing databases rebuild
 * their index once instead of keeping the old one until the content changes.
 */
const INDEX_FORMAT = 2;
/** SearchIndexState rows of the content index: one a chapter, "content:<course>/<chapter>". */
const STATE_PREFIX = "content:";

/** One searchable piece of content/: a chapter (by its title), a sheet section, a transcript line. */
interface ContentEntry {
  kind: "chapter" | "sheet" | "transcript";
  course: string;
  chapter: number;
  section: string | null;
  timestamp: number | null;
  /** Where it is, for the reader: "Course · 8. Chapter". */
  context: string;
  title: string;
  body: string;
}

function chapterLabel(chapter: Pick<ChapterEntry, "number" | "title">): string {
  return `${chapter.number}. ${chapter.title}`;
}

function chapterEntries(course: Course, chapter: ChapterEntry, content: ChapterContent): ContentEntry[] {
  const at = { course: course.id, chapter: chapter.number };
  const context = `${course.title} · ${chapterLabel(chapter)}`;
  const entries: ContentEntry[] = [
    {
      kind: "chapter",
      ...at,
      section: null,
      timestamp: null,
      context: course.title,
      title: chapterLabel(chapter),
      body: chapter.titleKr ?? "",
    },
  ];
  if (content.sheet?.ok) {
    for (const section of content.sheet.sheet.sections) {
      entries.push({
        kind: "sheet",
        ...at,
        section: section.id,
        timestamp: null,
        context,
        title: section.title,
        body: section.text,
      });
    }
  }
  if (content.source?.ok) {
    for (const line of content.source.source.transcript) {
      entries.push({
        kind: "transcript",
        ...at,
        section: null,
        timestamp: line.seconds,
        context,
        title: `Transcript ${formatTimestamp(line.seconds)}`,
        body: line.text,
      });
    }
  }
  return entries;
}

const COLUMNS = ["kind", "course", "chapter", "section", "timestamp", "context", "title", "body"] as const;

/** Where each chapter is, by "course/chapter", for hits (notes) that only know the numbers. */
export type ChapterContexts = Map<string, string>;

export function chapterKey(course: string, chapter: number): string {
  return `${course}/${chapter}`;
}

/**
 * What the index holds for one chapter: the content hash it was made from, the file stamp seen
 * with that hash (so an unchanged file is not even read), and the rowids of its rows (inserted
 * together, so a re-index deletes them by rowid instead of scanning the whole table).
 */
const chapterStateSchema = z.object({
  hash: z.string(),
  stamp: z.string(),
  firstRowid: z.number().int(),
  lastRowid: z.number().int(),
});
type ChapterState = z.infer<typeof chapterStateSchema>;

interface IndexedChapter {
  key: string;
  course: Course;
  chapter: ChapterEntry;
  /** What the chapter's rows say besides its files: titles, so a renamed course is re-indexed too. */
  meta: string;
  stamp: string;
}

/** Each chapter's stamp and the version of its folder when it was taken: no stat while that holds. */
const stamps = new Map<string, { version: number; stamp: string }>();

/** The chapter's stamp, stat'ed again only when its folder (or its course's) saw a change. */
function chapterStamp(key: string, folder: string, chapter: ChapterEntry, meta: string): string {
  // Taken before the stat: a change during it moves the version, so it is stat'ed again.
  const version = contentVersion(folder);
  const cached = stamps.get(key);
  if (version !== null && cached?.version === version && cached.stamp.startsWith(`${meta}\n`)) return cached.stamp;
  const stamp = `${meta}\n${chapterFileStamp(chapter)}`;
  if (version === null) stamps.delete(key);
  else stamps.set(key, { version, stamp });
  return stamp;
}

function currentChapters(): IndexedChapter[] {
  return loadAllCourses().flatMap((result) =>
    result.ok
      ? result.course.chapters.map((chapter) => {
          const meta = [INDEX_FORMAT, result.course.title, chapter.number, chapter.title, chapter.titleKr ?? ""].join(
            "\n",
          );
          const key = chapterKey(result.course.id, chapter.number);
          return {
            key,
            course: result.course,
            chapter,
            meta,
            stamp: chapterStamp(key, chapter.dir ?? result.course.dir, chapter, meta),
          };
        })
      : [],
  );
}

function contextsOf(chapters: IndexedChapter[]): ChapterContexts {
  return new Map(chapters.map(({ key, course, chapter }) => [key, `${course.title} · ${chapterLabel(chapter)}`]));
}

/** The index's state as stored, by chapter key; a row that does not parse counts as missing. */
async function storedStates(): Promise<Map<string, ChapterState>> {
  const rows = await db.searchIndexState.findMany({ where: { source: { startsWith: STATE_PREFIX } } });
  const states = new Map<string, ChapterState>();
  for (const row of rows) {
    let json: unknown = null;
    try {
      json = JSON.parse(row.fingerprint);
    } catch {
      // written by an older version: re-indexed below
    }
    const state = chapterStateSchema.safeParse(json);
    if (state.success) states.set(row.source.slice(STATE_PREFIX.length), state.data);
  }
  return states;
}

/**
 * The index's writes go through the direct connection (lib/db/sqlite-direct): a chapter re-indexed
 * after an edit is a handful of statements, which through Prisma's interactive transaction cost
 * more than the compile of the sheet. Each batch of chapters is one transaction; its rows and its
 * state row commit together, so a crash leaves every chapter either indexed or to be indexed.
 */
const SQL = {
  clearRows: `DELETE FROM "SearchContent"`,
  clearOldState: `DELETE FROM "SearchIndexState" WHERE "source" = 'content'`,
  deleteRows: `DELETE FROM "SearchContent" WHERE rowid BETWEEN ? AND ?`,
  deleteState: `DELETE FROM "SearchIndexState" WHERE "source" = ?`,
  topRowid: `SELECT max(rowid) AS top FROM "SearchContent"`,
  insertRow: `INSERT INTO "SearchContent" ("rowid", ${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${["rowid", ...COLUMNS].map(() => "?").join(", ")})`,
  saveState: `INSERT INTO "SearchIndexState" ("source", "fingerprint", "updatedAt") VALUES (?, ?, ?)
    ON CONFLICT ("source") DO UPDATE SET "fingerprint" = excluded."fingerprint", "updatedAt" = excluded."updatedAt"`,
};
const topRowidSchema = z.object({ top: z.number().int().nullable() });

/** Chapters written per transaction: the first index of fifty courses must not hold the server for seconds at a time. */
const CHAPTERS_PER_COMMIT = 40;
/** How long the index waits for another writer (a note being saved) before giving up for this search. */
const BUSY_WAIT_MS = 5_000;

function saveState(key: string, state: ChapterState, now: string): void {
  // As Prisma's adapter writes a DateTime, so both paths store the same text.
  directStatement(SQL.saveState).run(STATE_PREFIX + key, JSON.stringify(state), now);
}

type Change = { item: IndexedChapter; hash: string; entries: ContentEntry[] | null };

/** One transaction: the chapters removed and changed in this batch, written with their state rows. */
function writeBatch(
  batch: { clearAll: boolean; removed: [string, ChapterState][]; changed: Change[] },
  states: Map<string, ChapterState>,
  next: Map<string, ChapterState>,
): void {
  directTransaction(() => {
    const now = new Date().toISOString().replace("Z", "+00:00");
    // No state at all: a new database or an index from an older version; start from empty.
    if (batch.clearAll) {
      directStatement(SQL.clearRows).run();
      directStatement(SQL.clearOldState).run();
    }
    for (const [key, state] of batch.removed) {
      directStatement(SQL.deleteRows).run(state.firstRowid, state.lastRowid);
      directStatement(SQL.deleteState).run(STATE_PREFIX + key);
    }
    let nextRowid = (topRowidSchema.parse(directStatement(SQL.topRowid).get()).top ?? 0) + 1;
    const written = new Map<string, ChapterState>();
    for (const { item, hash, entries } of batch.changed) {
      const old = states.get(item.key);
      let state: ChapterState;
      if (entries === null && old) {
        state = { ...old, stamp: item.stamp };
      } else {
        if (old) directStatement(SQL.deleteRows).run(old.firstRowid, old.lastRowid);
        const rows = entries ?? [];
        rows.forEach((entry, index) =>
          directStatement(SQL.insertRow).run(nextRowid + index, ...COLUMNS.map((column) => entry[column])),
        );
        state = { hash, stamp: item.stamp, firstRowid: nextRowid, lastRowid: nextRowid + rows.length - 1 };
        nextRowid += rows.length;
      }
      saveState(item.key, state, now);
      written.set(item.key, state);
    }
    // Only once the transaction holds: a rolled-back batch leaves `next` as it was.
    for (const [key, state] of written) next.set(key, state);
  });
}

async function writeBatchWhenFree(...args: Parameters<typeof writeBatch>): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      return writeBatch(...args);
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * Brings the stored index up to date with `chapters`: a chapter whose files (or titles) changed is
 * re-indexed alone, a removed one is deleted, an unchanged one is not read at all.
 */
async function updateIndex(
  chapters: IndexedChapter[],
  states: Map<string, ChapterState>,
): Promise<Map<string, ChapterState>> {
  const next = new Map<string, ChapterState>();
  const changed: Change[] = [];
  for (const item of chapters) {
    const state = states.get(item.key);
    if (state?.stamp === item.stamp) {
      next.set(item.key, state);
      continue;
    }
    const content = await readChapterContent(item.course, item.chapter);
    const hash = contentHash(`${item.meta}\n${content.hash}`);
    // Touched but not changed (same bytes): only the stamp is new.
    changed.push({
      item,
      hash,
      entries: state?.hash === hash ? null : chapterEntries(item.course, item.chapter, content),
    });
  }
  const present = new Set(chapters.map((item) => item.key));
  const removed = [...states.entries()].filter(([key]) => !present.has(key));
  if (changed.length === 0 && removed.length === 0) return next;

  for (let start = 0; start === 0 || start < changed.length; start += CHAPTERS_PER_COMMIT) {
    const batch = {
      clearAll: start === 0 && states.size === 0,
      removed: start === 0 ? removed : [],
      changed: changed.slice(start, start + CHAPTERS_PER_COMMIT),
    };
    await writeBatchWhenFree(batch, states, next);
    // Lets the requests that came meanwhile be answered between two batches.
    if (start + CHAPTERS_PER_COMMIT < changed.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return next;
}

/** The index as this process last saw it (null until the first search reads the stored state). */
let known: Map<string, ChapterState> | null = null;
/** The content version (lib/content/changes) the index was last brought up to date at, and its contexts. */
let current: { version: number; contexts: ChapterContexts } | null = null;
let pending: Promise<ChapterContexts> | null = null;

async function refresh(): Promise<ChapterContexts> {
  // Taken first: a change while the index is updated moves the version, so the next search looks again.
  const version = contentVersion();
  if (current && version !== null && current.version === version) return current.contexts;
  const chapters = currentChapters();
  try {
    known = await updateIndex(chapters, known ?? (await storedStates()));
  } catch (error) {
    // Some batches may have committed: read what the database holds before trying again.
    known = null;
    throw error;
  }
  const contexts = contextsOf(chapters);
  current = version === null ? null : { version, contexts };
  return contexts;
}

/**
 * Makes sure the content index matches content/ as it is now. While no content file changed (the
 * watcher of lib/content/changes saw nothing) it costs nothing; after a change it lists the courses
 * and stats the chapter files, and only chapters whose files changed since they were indexed (by
 * this process or an earlier one, the index lives in SQLite) are read and indexed again.
 */
export function ensureContentIndex(): Promise<ChapterContexts> {
  if (current && current.version === contentVersion()) return Promise.resolve(current.contexts);
  pending ??= refresh().finally(() => {
    pending = null;
  });
  return pending;
}
