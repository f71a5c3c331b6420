import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrations";
import { copyMigrations, migrationSandbox, realMigrationNames, withSqlite } from "./helpers";

const SEARCH_MIGRATION = realMigrationNames().find((name) => name.endsWith("_search_index"));

describe("the search-index migration on a database that already holds notes", () => {
  it("indexes every live note written before it, skips deleted ones, and keeps indexing after", async () => {
    expect(SEARCH_MIGRATION, "the search-index migration exists").toBeDefined();
    const before = realMigrationNames().filter((name) => name < (SEARCH_MIGRATION ?? ""));
    expect(before.length).toBeGreaterThan(0);
    const { migrationsDir, databasePath } = migrationSandbox(before);
    await migrateDatabase({ databasePath, migrationsDir });

    const notes: [id: string, body: string, deletedAt: string | null][] = [
      ["old-note-1", "attention is a weighted average", null],
      ["old-note-2", "토큰화는 바이트 단위로 시작한다", null],
      ["old-note-3", "deleted wombat thoughts", "2026-02-01T00:00:00.000+00:00"],
    ];
    withSqlite(databasePath, (db) => {
      const insert = db.prepare(
        `INSERT INTO "Note" ("id", "course", "chapter", "body", "updatedAt", "deletedAt")
         VALUES (?, 'deep-dive-llms', 1, ?, ?, ?)`,
      );
      for (const [id, body, deletedAt] of notes) insert.run(id, body, "2026-01-01T00:00:00.000+00:00", deletedAt);
    });

    copyMigrations(migrationsDir);
    const upgrade = await migrateDatabase({ databasePath, migrationsDir });
    expect(upgrade.applied).toContain(SEARCH_MIGRATION);
    expect(upgrade.backupPath).toBeDefined();

    const found = (term: string) =>
      withSqlite(databasePath, (db) => {
        const rows = db.prepare(`SELECT "noteId" FROM "SearchNote" WHERE "SearchNote" MATCH ?`).all(`"${term}"`);
        return (rows as { noteId: string }[]).map((row) => row.noteId);
      });
    expect(found("weighted")).toEqual(["old-note-1"]);
    expect(found("바이트")).toEqual(["old-note-2"]);
    expect(found("wombat")).toEqual([]);
    withSqlite(databasePath, (db) => {
      expect(db.prepare(`SELECT count(*) AS n FROM "Note"`).get()).toEqual({ n: notes.length });
      db.prepare(
        `INSERT INTO "Note" ("id", "course", "chapter", "body", "updatedAt") VALUES ('new-note-1', 'c', 1, 'fresh wombat', '2026-03-01')`,
      ).run();
    });
    expect(found("wombat")).toEqual(["new-note-1"]);
  });
});
