import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrations";
import {
  createNote,
  deleteNote,
  importNotes,
  listNotes,
  restoreNote,
  toNoteJson,
  updateNote,
} from "@/lib/notes/repository";
import { realMigrationsDir, tempDir, freshDatabaseEachTest } from "../db/helpers";

freshDatabaseEachTest("notes.db");

const input = {
  id: "note-aaaaaaaa",
  course: "deep-dive-llms",
  chapter: 8,
  section: "few-shot",
  sectionTitle: "FEW-SHOT",
  timestamp: 60,
  body: "first",
};

describe("the notes repository", () => {
  it("creates a note once, however often the same create is retried", async () => {
    const first = await createNote(input);
    expect(first.kind).toBe("created");
    expect(first.note).toMatchObject({ ...input, version: 1, deletedAt: null });
    expect((await createNote(input)).kind).toBe("existing");
    const [a, b] = await Promise.all([
      createNote({ ...input, id: "note-bbbbbbbb" }),
      createNote({ ...input, id: "note-bbbbbbbb" }),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(["created", "existing"]);
    expect(await listNotes({ course: "deep-dive-llms", chapter: 8 })).toHaveLength(2);
    expect((await createNote({ ...input, body: "different" })).kind).toBe("conflict");
  });

  it("makes an id when the client gives none", async () => {
    const { note } = await createNote({ course: "c", chapter: 1, body: "x" });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("applies a write based on the current version and refuses a stale one, keeping both texts", async () => {
    await createNote(input);
    const tabA = await updateNote(input.id, { body: "from tab A", version: 1 });
    expect(tabA).toMatchObject({ kind: "updated", note: { body: "from tab A", version: 2 } });
    const tabB = await updateNote(input.id, { body: "from tab B", version: 1 });
    expect(tabB).toMatchObject({ kind: "conflict", note: { body: "from tab A", version: 2 } });
    expect(await updateNote("note-missing", { body: "x", version: 1 })).toEqual({ kind: "missing" });
  });

  it("lets exactly one of many concurrent writes on the same version win", async () => {
    await createNote(input);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => updateNote(input.id, { body: `writer ${i}`, version: 1 })),
    );
    expect(results.filter((result) => result.kind === "updated")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "conflict")).toHaveLength(7);
  });

  it("deletes to the bin and restores; a deleted note refuses writes as a conflict", async () => {
    await createNote(input);
    expect(await deleteNote(input.id)).toBe("deleted");
    expect(await deleteNote(input.id)).toBe("deleted");
    expect(await deleteNote("note-missing")).toBe("missing");
    expect(await listNotes({ course: "deep-dive-llms" })).toEqual([]);
    const refused = await updateNote(input.id, { body: "late edit", version: 2 });
    expect(refused.kind).toBe("conflict");
    const restored = await restoreNote(input.id);
    expect(restored).toMatchObject({ body: "first", deletedAt: null, version: 3 });
    expect(await restoreNote("note-missing")).toBeNull();
    expect(await listNotes({ course: "deep-dive-llms" })).toHaveLength(1);
  });

  it("imports an export exactly, and importing twice adds nothing", async () => {
    await createNote(input);
    await updateNote(input.id, { body: "edited", version: 1 });
    await createNote({
      ...input,
      id: "note-cccccccc",
      section: null,
      sectionTitle: null,
      timestamp: null,
      body: "chapter note",
    });
    const exported = (await listNotes({})).map(toNoteJson);
    const fileNotes = exported.map(({ deletedAt: _deletedAt, ...note }) => note);

    process.env.DATABASE_URL = `file:${path.join(tempDir(), "empty.db")}`;
    await migrateDatabase({ databasePath: process.env.DATABASE_URL.slice(5), migrationsDir: realMigrationsDir });
    expect(await importNotes(fileNotes)).toEqual({ imported: 2, restored: 0, updated: 0, kept: 0, orphaned: 0 });
    expect((await listNotes({})).map(toNoteJson)).toEqual(exported);
    expect(await importNotes(fileNotes)).toEqual({ imported: 0, restored: 0, updated: 0, kept: 2, orphaned: 0 });
    expect(await listNotes({})).toHaveLength(2);
  });

  it("brings back deleted notes from a backup, keeps the newer copy, never duplicates", async () => {
    await createNote(input);
    await createNote({ ...input, id: "note-cccccccc", body: "second" });
    await createNote({ ...input, id: "note-dddddddd", body: "third" });
    const fileNotes = (await listNotes({})).map(toNoteJson).map(({ deletedAt: _deletedAt, ...note }) => note);

    await deleteNote(input.id); // deleted here since the backup: comes back
    await updateNote("note-cccccccc", { body: "second, edited after the backup", version: 1 }); // newer here: kept
    const older = fileNotes.find((note) => note.id === "note-dddddddd");
    if (!older) throw new Error("the backup lost a note");
    // The backup's copy of the third note is newer than the one here: it wins.
    const newer = { ...older, body: "third, edited elsewhere", version: 5, updatedAt: "2199-01-01T00:00:00.000Z" };
    const orphan = { ...older, id: "note-eeeeeeee", course: "no-such-course", chapter: 999, body: "orphan" };

    const result = await importNotes(
      [...fileNotes.filter((note) => note !== older), newer, orphan, orphan],
      (course) => course !== "no-such-course",
    );
    expect(result).toEqual({ imported: 1, restored: 1, updated: 1, kept: 1, orphaned: 1 });
    const notes = new Map((await listNotes({})).map((note) => [note.id, note]));
    expect(notes.size).toBe(4);
    expect(notes.get(input.id)).toMatchObject({ body: "first", deletedAt: null, version: 3 });
    expect(notes.get("note-cccccccc")).toMatchObject({ body: "second, edited after the backup", version: 2 });
    expect(notes.get("note-dddddddd")).toMatchObject({ body: "third, edited elsewhere", version: 6 });
    expect(notes.get("note-eeeeeeee")).toMatchObject({ course: "no-such-course", chapter: 999, body: "orphan" });
    // A tab still holding version 1 of the updated note must hear about the import.
    expect((await updateNote("note-dddddddd", { body: "stale tab", version: 1 })).kind).toBe("conflict");
  });
});
