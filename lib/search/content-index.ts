import { loadAllCourses, type ChapterEntry, type Course } from "@/lib/content/course";
import { contentFingerprint } from "@/lib/content/fingerprint";
import { loadSheet } from "@/lib/content/sheet";
import { loadSource } from "@/lib/content/source";
import { formatTimestamp } from "@/lib/content/timestamps";
import { db } from "@/lib/db";

/**
 * Bump when what is indexed (or how its text is made) changes, so existing databases rebuild
 * their index once instead of keeping the old one until the content changes.
 */
const INDEX_FORMAT = 1;
const STATE_KEY = "content";

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

export function chapterLabel(chapter: Pick<ChapterEntry, "number" | "title">): string {
  return `${chapter.number}. ${chapter.title}`;
}

async function chapterEntries(course: Course, chapter: ChapterEntry): Promise<ContentEntry[]> {
  const at = { course: course.id, chapter: chapter.number };
  const context = `${course.title} · ${chapterLabel(chapter)}`;
  const entries: ContentEntry[] = [
    { kind: "chapter", ...at, section: null, timestamp: null, context: course.title, title: chapterLabel(chapter), body: chapter.titleKr ?? "" },
  ];
  const sheet = await loadSheet(course, chapter);
  if (sheet?.ok) {
    for (const section of sheet.sheet.sections) {
      entries.push({ kind: "sheet", ...at, section: section.id, timestamp: null, context, title: section.title, body: section.text });
    }
  }
  const source = loadSource(chapter);
  if (source?.ok) {
    for (const line of source.source.transcript) {
      entries.push({ kind: "transcript", ...at, section: null, timestamp: line.seconds, context, title: `Transcript ${formatTimestamp(line.seconds)}`, body: line.text });
    }
  }
  return entries;
}

/** Everything searchable in content/ (courses with content errors are skipped, as the app shows them). */
export async function collectContentEntries(): Promise<ContentEntry[]> {
  const entries: ContentEntry[] = [];
  for (const result of loadAllCourses()) {
    if (!result.ok) continue;
    for (const chapter of result.course.chapters) entries.push(...(await chapterEntries(result.course, chapter)));
  }
  return entries;
}

const COLUMNS = ["kind", "course", "chapter", "section", "timestamp", "context", "title", "body"] as const;
/** Rows per INSERT: 8 parameters each, well under SQLite's limit of 32766. */
const BATCH = 400;

async function writeContentIndex(entries: ContentEntry[], fingerprint: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchContent"`);
      for (let start = 0; start < entries.length; start += BATCH) {
        const batch = entries.slice(start, start + BATCH);
        const rows = batch.map(() => `(${COLUMNS.map(() => "?").join(", ")})`).join(", ");
        await tx.$executeRawUnsafe(`INSERT INTO "SearchContent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${rows}`, ...batch.flatMap((entry) => COLUMNS.map((column) => entry[column])));
      }
      await tx.searchIndexState.upsert({ where: { source: STATE_KEY }, create: { source: STATE_KEY, fingerprint }, update: { fingerprint } });
    },
    { timeout: 60_000 },
  );
}

/** Where each chapter is, by "course/chapter", for hits (notes) that only know the numbers. */
export type ChapterContexts = Map<string, string>;

export function chapterKey(course: string, chapter: number): string {
  return `${course}/${chapter}`;
}

function contextsOf(entries: Pick<ContentEntry, "kind" | "course" | "chapter" | "context" | "title">[]): ChapterContexts {
  return new Map(entries.filter((e) => e.kind === "chapter").map((e) => [chapterKey(e.course, e.chapter), `${e.context} · ${e.title}`]));
}

let current: { fingerprint: string; contexts: ChapterContexts } | null = null;
let pending: Promise<ChapterContexts> | null = null;

async function refresh(fingerprint: string): Promise<ChapterContexts> {
  const state = await db.searchIndexState.findUnique({ where: { source: STATE_KEY } });
  if (state?.fingerprint === fingerprint) {
    const rows = await db.$queryRawUnsafe<ContentEntry[]>(`SELECT "kind", "course", "chapter", "context", "title" FROM "SearchContent" WHERE "kind" = 'chapter'`);
    return contextsOf(rows.map((row) => ({ ...row, chapter: Number(row.chapter) })));
  }
  const entries = await collectContentEntries();
  await writeContentIndex(entries, fingerprint);
  return contextsOf(entries);
}

/**
 * Makes sure the content index matches content/ as it is now, rebuilding it when a course file
 * was added, removed or edited since it was built (by this process or an earlier one).
 */
export async function ensureContentIndex(): Promise<ChapterContexts> {
  const fingerprint = `${INDEX_FORMAT}:${contentFingerprint()}`;
  if (current?.fingerprint === fingerprint) return current.contexts;
  pending ??= refresh(fingerprint)
    .then((contexts) => {
      current = { fingerprint, contexts };
      return contexts;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}
