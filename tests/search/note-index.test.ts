import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMigration, externallyManagedTables, migrateDatabase, readMigrationFolders } from "@/lib/db/migrations";
import { NOTE_INDEX_TRIGGERS } from "@/lib/search/note-index";
import { copyMigrations, realMigrationsDir, realSchemaPath, tempDir, withSqlite } from "../db/helpers";

describe("the search tables in migrations", () => {
  it("are left to the migrations by the drift check: virtual tables and their FTS5 shadow tables", () => {
    const tables = externallyManagedTables(readMigrationFolders(realMigrationsDir));
    expect(tables).toEqual(
      expect.arrayContaining(["SearchContent", "SearchContent_data", "SearchNote", "SearchNote_idx"]),
    );
  });

  it("survive a new migration: it never drops them", async () => {
    const dir = tempDir();
    const migrationsDir = path.join(dir, "migrations");
    copyMigrations(migrationsDir);
    const schemaPath = path.join(dir, "schema.prisma");
    fs.writeFileSync(schemaPath, `${fs.readFileSync(realSchemaPath, "utf8")}\nmodel Bookmark {\n  id String @id\n}\n`);
    const result = await createMigration({
      name: "bookmarks",
      schemaPath,
      migrationsDir,
      databasePath: path.join(dir, "dev.db"),
    });
    expect(result.status).toBe("created");
    if (result.status === "created") expect(result.sql).not.toMatch(/Search/);
  });

  it("keep the note index in step with Note whoever writes it (every migration must keep the triggers)", async () => {
    const databasePath = path.join(tempDir(), "study.db");
    await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir, backup: false });
    withSqlite(databasePath, (db) => {
      const triggers = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Note'")
        .all() as { name: string }[];
      expect(triggers.map((t) => t.name).sort()).toEqual([...NOTE_INDEX_TRIGGERS].sort());
      const indexed = () =>
        db
          .prepare(`SELECT "noteId", "body" FROM "SearchNote" WHERE "SearchNote" MATCH ? ORDER BY "noteId"`)
          .all('"otter"');
      const insert = db.prepare(
        `INSERT INTO "Note" ("id", "course", "chapter", "body", "updatedAt") VALUES (?, 'c', 1, ?, CURRENT_TIMESTAMP)`,
      );
      insert.run("n1", "sea otter notes");
      insert.run("n2", "river otter");
      expect(indexed()).toEqual([
        { noteId: "n1", body: "sea otter notes" },
        { noteId: "n2", body: "river otter" },
      ]);
      db.prepare(`UPDATE "Note" SET "body" = 'sea lion notes' WHERE "id" = 'n1'`).run();
      db.prepare(`UPDATE "Note" SET "deletedAt" = CURRENT_TIMESTAMP WHERE "id" = 'n2'`).run();
      expect(indexed()).toEqual([]);
      db.prepare(`UPDATE "Note" SET "deletedAt" = NULL WHERE "id" = 'n2'`).run();
      expect(indexed()).toEqual([{ noteId: "n2", body: "river otter" }]);
      db.prepare(`DELETE FROM "Note" WHERE "id" = 'n2'`).run();
      expect(indexed()).toEqual([]);
      expect(db.prepare(`SELECT count(*) AS n FROM "SearchNote"`).get()).toEqual({ n: 1 });
    });
  });
});
