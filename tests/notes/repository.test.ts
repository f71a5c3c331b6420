import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrations";
import { createNote, deleteNote, importNotes, listNotes, restoreNote, toNoteJson, updateNote } from "@/lib/notes/repository";
import { realMigrationsDir, restoreDatabaseUrlAfterAll, tempDir, useMigratedTempDatabase } from "../db/helpers";

restoreDatabaseUrlAfterAll();

beforeAll(() => {
  process.env.DATABASE_URL = "file:/nonexistent-until-each-test.db";
});
beforeEach(() => useMigratedTempDatabase("notes.db"));

const input = { id: "note-aaaaaaaa", course: "deep-dive-llms", chapter: 8, section: "few-shot", sectionTitle: "FEW-SHOT", timestamp: 60, body: "first" };

describe("the notes repository", () => {
  it("creates a note once, however often the same create is retried", async () => {
    const first = await createNote(input);
    expect(first.kind).toBe("created");
    expect(first.note).toMatchObject({ ...input, version: 1, deletedAt: null });
    expect((await createNote(input)).kind).toBe("existing");
    const [a, b] = await Promise.all([createNote({ ...input, id: "note-bbbbbbbb" }), createNote({ ...input, id: "note-bbbbbbbb" })]);
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
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => updateNote(input.id, { body: `writer ${i}`, version: 1 })));
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
    await createNote({ ...input, id: "note-cccccccc", section: null, sectionTitle: null, timestamp: null, body: "chapter note" });
    const exported = (await listNotes({})).map(toNoteJson);
    const fileNotes = exported.map(({ deletedAt: _deletedAt, ...note }) => note);

    process.env.DATABASE_URL = `file:${path.join(tempDir(), "empty.db")}`;
    await migrateDatabase({ databasePath: process.env.DATABASE_URL.slice(5), migrationsDir: realMigrationsDir });
    expect(await importNotes(fileNotes)).toEqual({ imported: 2, skipped: 0 });
    expect((await listNotes({})).map(toNoteJson)).toEqual(exported);
    expect(await importNotes(fileNotes)).toEqual({ imported: 0, skipped: 2 });
    expect(await listNotes({})).toHaveLength(2);
  });
});
