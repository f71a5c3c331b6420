import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UnreadableRowError } from "@/lib/db/readable-rows";
import { diagramEditSummary, getDiagramEdit, listDiagramEdits, saveDiagramEdit } from "@/lib/diagrams/repository";
import {
  countNotesByChapter,
  createNote,
  getNote,
  importNotes,
  listNotes,
  listNotesChecked,
  listRecentNotes,
  toNoteJson,
} from "@/lib/notes/repository";
import { getProgress, listProgressRows, updateProgress } from "@/lib/progress/repository";
import {
  cardsForExport,
  chapterCards,
  dueCards,
  queueCounts,
  recordReview,
  reviewsSince,
  schedulingStates,
  syncChapterCards,
} from "@/lib/study/repository";
import { freshDatabaseEachTest, withSqlite } from "./helpers";

/**
 * Rows written outside the app (here with better-sqlite3, as a script or a SQLite shell would):
 * each bad one costs only itself, with a warning naming the table and the row, never the list.
 */

freshDatabaseEachTest("rows.db");

let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((message: unknown) => {
    warnings.push(String(message));
  });
});
afterEach(() => vi.restoreAllMocks());

/** Runs one statement on the test database behind the app's back. */
function writeOutside(sql: string, ...parameters: unknown[]): void {
  const databasePath = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
  withSqlite(databasePath, (sqlite) => sqlite.prepare(sql).run(...parameters));
}

const COURSE = "deep-dive-llms";
/** What each bad note holds, by id: every kind of value Prisma or the app cannot use. */
const BAD_NOTES: Record<string, [column: string, value: unknown]> = {
  "bad-version-2e53": ["version", 2n ** 53n],
  "bad-version-2e62": ["version", 2n ** 62n],
  "bad-version-text": ["version", "abc"],
  "bad-chapter-neg5": ["chapter", -5],
  "bad-chapter-1e12": ["chapter", 1e12],
  "bad-created-text": ["createdAt", "not a date"],
  "bad-created-1e18": ["createdAt", 1e18],
  "bad-timestamp-1e9": ["timestamp", 1e9],
  "bad-body-bytes": ["body", Buffer.from([0xff, 0xfe, 0x00])],
};

async function seedNotes(): Promise<void> {
  await createNote({ id: "good-first", course: COURSE, chapter: 8, body: "first good note" });
  for (const [id, [column, value]] of Object.entries(BAD_NOTES)) {
    await createNote({ id, course: COURSE, chapter: 8, body: `bad: ${column}` });
    writeOutside(`UPDATE Note SET "${column}" = ? WHERE id = ?`, value, id);
  }
  await createNote({ id: "good-last", course: COURSE, chapter: 8, body: "last good note" });
  // Invalid UTF-8 reads back as U+FFFD: shown as such, it breaks nothing.
  await createNote({ id: "good-bad-utf8", course: COURSE, chapter: 8, body: "x" });
  writeOutside(`UPDATE Note SET body = CAST(X'FF41' AS TEXT) WHERE id = ?`, "good-bad-utf8");
}

describe("notes written outside the app", () => {
  it("are left out of every list, each logged with the table and id, the good ones all there", async () => {
    await seedNotes();
    const good = ["good-first", "good-last", "good-bad-utf8"];
    const listed = await listNotes({ course: COURSE, chapter: 8 });
    expect(listed.map((note) => note.id).sort()).toEqual([...good].sort());
    expect(listed.map(toNoteJson)).toHaveLength(3);
    expect(listed.find((note) => note.id === "good-bad-utf8")?.body).toBe("\uFFFDA");
    const checked = await listNotesChecked({});
    expect(checked.unreadable.sort()).toEqual(Object.keys(BAD_NOTES).sort());
    for (const id of Object.keys(BAD_NOTES)) {
      expect(warnings.some((line) => line.includes("Note") && line.includes(id))).toBe(true);
    }
    expect((await listRecentNotes(50)).map((note) => note.id).sort()).toEqual([...good].sort());
    // The limit still holds; rows left out are not replaced by others (their order is as stored)
    expect((await listNotes({}, { limit: 2 })).length).toBeLessThanOrEqual(2);
  });

  it("do not break the counts, and a request for one of them is refused rather than crashing", async () => {
    await seedNotes();
    const counts = await countNotesByChapter(COURSE);
    expect(counts.every((row) => row.chapter >= 1 && row.chapter <= 999)).toBe(true);
    expect(counts.find((row) => row.chapter === 8)?.count).toBeGreaterThanOrEqual(3);
    await expect(getNote("bad-version-2e53")).rejects.toBeInstanceOf(UnreadableRowError);
    await expect(getNote("bad-created-1e18")).rejects.toBeInstanceOf(UnreadableRowError);
    expect(await getNote("good-first")).toMatchObject({ body: "first good note" });
  });

  it("are left as they are by an import, which neither overwrites nor duplicates them", async () => {
    await seedNotes();
    const date = "2026-01-01T00:00:00.000Z";
    const copy = (id: string) => ({
      id,
      course: COURSE,
      chapter: 8,
      section: null,
      sectionTitle: null,
      timestamp: null,
      body: "from the backup",
      version: 1,
      createdAt: date,
      updatedAt: date,
    });
    const result = await importNotes([copy("bad-version-2e53"), copy("bad-body-bytes"), copy("brand-new-1")]);
    expect(result).toMatchObject({ imported: 1, kept: 2 });
    const counted = await countNotesByChapter(COURSE);
    expect(counted.find((row) => row.chapter === 8)?.count).toBe(3 + Object.keys(BAD_NOTES).length - 2 + 1);
  });
});

describe("progress, diagram edits and cards written outside the app", () => {
  it("leave out only the bad progress rows", async () => {
    await updateProgress({ course: COURSE, chapter: 1, status: "done" });
    await updateProgress({ course: COURSE, chapter: 2, status: "studying", visited: true });
    await updateProgress({ course: COURSE, chapter: 3, visited: true });
    await updateProgress({ course: COURSE, chapter: 4, visited: true });
    writeOutside(`UPDATE ChapterProgress SET chapter = ? WHERE chapter = 2`, 2n ** 60n);
    writeOutside(`UPDATE ChapterProgress SET lastVisitedAt = ? WHERE chapter = 3`, 1e18);
    writeOutside(`UPDATE ChapterProgress SET chapter = -5 WHERE chapter = 4`);
    expect((await listProgressRows(COURSE)).map((row) => row.chapter)).toEqual([1]);
    expect((await listProgressRows()).map((row) => row.chapter)).toEqual([1]);
    expect(await getProgress(COURSE, 3)).toMatchObject({ status: "not_started", lastVisitedAt: null });
    expect(warnings.some((line) => line.includes("ChapterProgress"))).toBe(true);
  });

  it("leave out only the bad diagram edits", async () => {
    await saveDiagramEdit({ course: COURSE, chapter: 8, diagramKey: "good/1" }, "flowchart LR\n A-->B", "h");
    await saveDiagramEdit({ course: COURSE, chapter: 8, diagramKey: "bad/1" }, "flowchart LR\n A-->B", "h");
    await saveDiagramEdit({ course: COURSE, chapter: 8, diagramKey: "bad/2" }, "flowchart LR\n A-->B", "h");
    writeOutside(`UPDATE DiagramEdit SET updatedAt = ? WHERE diagramKey = 'bad/1'`, 1e18);
    writeOutside(`UPDATE DiagramEdit SET createdAt = 'yesterday' WHERE diagramKey = 'bad/2'`);
    expect((await listDiagramEdits(COURSE, 8)).map((edit) => edit.diagramKey)).toEqual(["good/1"]);
    expect(await getDiagramEdit({ course: COURSE, chapter: 8, diagramKey: "bad/1" })).toBeNull();
    const [summary] = await diagramEditSummary(COURSE);
    expect(summary).toMatchObject({ chapter: 8 });
    expect(warnings.some((line) => line.includes("DiagramEdit"))).toBe(true);
  });

  it("leave out only the bad cards and ratings", async () => {
    const now = new Date();
    const card = (id: string, position: number) => ({
      id,
      section: "s",
      kind: "term" as const,
      front: "f",
      back: "b",
      position,
    });
    await syncChapterCards(
      COURSE,
      8,
      [card("card-good", 0), card("card-state", 1), card("card-due", 2), card("card-reps", 3)],
      now,
    );
    await recordReview({ reviewId: "review-good", cardId: "card-good", rating: 3, reviewedAt: now });
    writeOutside(`UPDATE Card SET state = ? WHERE id = 'card-state'`, 2n ** 55n);
    writeOutside(`UPDATE Card SET due = 'soon' WHERE id = 'card-due'`);
    writeOutside(`UPDATE Card SET reps = -1 WHERE id = 'card-reps'`);
    writeOutside(`UPDATE ReviewLog SET reviewedAt = ?`, 1e18);
    const later = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
    expect((await chapterCards(COURSE, 8)).map((c) => c.id)).toEqual(["card-good"]);
    expect((await dueCards({}, { now: later, limit: 10 })).map((c) => c.id)).toEqual(["card-good"]);
    expect((await cardsForExport({ course: COURSE })).map((c) => c.id)).toEqual(["card-good"]);
    expect(await schedulingStates({})).toHaveLength(1);
    const counts = await queueCounts({}, later);
    expect(counts.new + counts.learning + counts.due).toBeGreaterThanOrEqual(1);
    expect(await reviewsSince(new Date(0))).toEqual([]);
    expect(warnings.some((line) => line.includes("card-state"))).toBe(true);
  });
});
