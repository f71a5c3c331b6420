import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createNote, getNote, updateNote } from "@/lib/notes/repository";
import { freshDatabaseEachTest } from "../db/helpers";

/**
 * The autosave's direct UPDATE (lib/db/sqlite-direct) gives the same answers as the Prisma path,
 * and a database held by another writer sends it to the Prisma path, which waits its turn.
 */

freshDatabaseEachTest("direct.db");

const note = { id: "direct-aaaaaaaa", course: "deep-dive-llms", chapter: 8, section: "s", body: "first" };

/** Another process takes the write lock and keeps it for `ms`; resolves once it holds it. */
function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
  const databasePath = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
  const script = `
    const db = new (require("better-sqlite3"))(${JSON.stringify(databasePath)});
    db.exec("BEGIN IMMEDIATE");
    console.log("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve) => child.stdout.once("data", () => resolve({ released })));
}

describe("the direct note update", () => {
  it("changes only the fields given, bumps the version and refuses a stale one", async () => {
    await createNote(note);
    const saved = await updateNote(note.id, { body: "second", version: 1 });
    expect(saved).toMatchObject({ kind: "updated", note: { body: "second", section: "s", version: 2 } });
    const moved = await updateNote(note.id, { section: null, timestamp: 42, version: 2 });
    expect(moved).toMatchObject({
      kind: "updated",
      note: { body: "second", section: null, timestamp: 42, version: 3 },
    });
    expect(await updateNote(note.id, { body: "stale", version: 1 })).toMatchObject({ kind: "conflict" });
    expect(await updateNote("direct-missing", { body: "x", version: 1 })).toEqual({ kind: "missing" });
    // Read back through Prisma: the direct path stored its date the way Prisma reads it.
    expect(await getNote(note.id)).toMatchObject({ body: "second", version: 3 });
  });

  it("waits through Prisma when another writer holds the database, and still saves once", async () => {
    await createNote(note);
    const { released } = await holdWriteLock(300);
    const saved = await updateNote(note.id, { body: "after the lock", version: 1 });
    await released;
    expect(saved).toMatchObject({ kind: "updated", note: { body: "after the lock", version: 2 } });
    expect(await getNote(note.id)).toMatchObject({ body: "after the lock", version: 2 });
  });
});
