import { z } from "zod";
import { loadAllCourses, type ChapterEntry, type Course } from "@/lib/content/course";
import { contentHash } from "@/lib/content/cache";
import { contentVersion } from "@/lib/content/changes";
import { chapterFileStamp, readChapterContent, type ChapterContent } from "@/lib/content/fingerprint";
import { formatTimestamp } from "@/lib/content/timestamps";
import { db } from "@/lib/db";

/**
 * Bump when what is indexed (or how its text is made) changes, so existing databases rebuild
 * their index once instead of keeping the old one until the content changes.
 */
const INDEX_FORMAT = 2;
/** SearchIndexState rows of the content index: one a chapter, "content:<course>/<chapter>". */
const STATE_PREFIX = "content:";

/** One searchable piece of content/: a chapter (by its title), a sheet section, a transcript line. */
export interface ContentEntry {
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
/** Rows per INSERT: 9 parameters each (rowid and the columns), well under SQLite's limit of 32766. */
const BATCH = 400;

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

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function deleteRows(tx: Transaction, state: ChapterState): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM "SearchContent" WHERE rowid BETWEEN ? AND ?`,
    state.firstRowid,
    state.lastRowid,
  );
}

async function insertRows(tx: Transaction, entries: ContentEntry[], firstRowid: number): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const rows = batch.map(() => `(${["rowid", ...COLUMNS].map(() => "?").join(", ")})`).join(", ");
    const values = batch.flatMap((entry, index) => [
      firstRowid + start + index,
      ...COLUMNS.map((column) => entry[column]),
    ]);
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchContent" ("rowid", ${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${rows}`,
      ...values,
    );
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
  const changed: { item: IndexedChapter; hash: string; entries: ContentEntry[] | null }[] = [];
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

  await db.$transaction(
    async (tx) => {
      // No state at all: a new database or an index from an older version; start from empty.
      if (states.size === 0) {
        await tx.$executeRawUnsafe(`DELETE FROM "SearchContent"`);
        await tx.searchIndexState.deleteMany({ where: { source: "content" } });
      }
      for (const [key, state] of removed) {
        await deleteRows(tx, state);
        await tx.searchIndexState.delete({ where: { source: STATE_PREFIX + key } });
      }
      const [highest] = await tx.$queryRawUnsafe<{ top: number | bigint | null }[]>(
        `SELECT max(rowid) AS top FROM "SearchContent"`,
      );
      let nextRowid = Number(highest?.top ?? 0) + 1;
      for (const { item, hash, entries } of changed) {
        const old = states.get(item.key);
        let state: ChapterState;
        if (entries === null && old) {
          state = { ...old, stamp: item.stamp };
        } else {
          if (old) await deleteRows(tx, old);
          const rows = entries ?? [];
          await insertRows(tx, rows, nextRowid);
          state = { hash, stamp: item.stamp, firstRowid: nextRowid, lastRowid: nextRowid + rows.length - 1 };
          nextRowid += rows.length;
        }
        const fingerprint = JSON.stringify(state);
        const source = STATE_PREFIX + item.key;
        await tx.searchIndexState.upsert({
          where: { source },
          create: { source, fingerprint },
          update: { fingerprint },
        });
        next.set(item.key, state);
      }
    },
    { timeout: 120_000 },
  );
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
  known = await updateIndex(chapters, known ?? (await storedStates()));
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
