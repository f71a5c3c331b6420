import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrations";
import { migrationSandbox, realMigrationNames, realMigrationsDir, tableNames, tempDir, withSqlite } from "./helpers";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
  applied_steps_count: number;
  logs: string | null;
}

function migrationRows(databasePath: string): MigrationRow[] {
  return withSqlite(
    databasePath,
    (db) =>
      db
        .prepare(
          "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs " +
            "FROM _prisma_migrations ORDER BY started_at, migration_name",
        )
        .all() as MigrationRow[],
  );
}

describe("migrate on a fresh database", () => {
  it("creates the file, every table and one _prisma_migrations row per migration", async () => {
    const databasePath = path.join(tempDir(), "nested", "dir", "study.db");
    const names = realMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    const first = await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
    expect(first).toEqual({ applied: names, created: true });
    expect(tableNames(databasePath)).toEqual(expect.arrayContaining(["ChapterProgress", "Note", "_prisma_migrations"]));

    const rows = migrationRows(databasePath);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(realMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time, with or without the read-only shortcut", async () => {
    const databasePath = path.join(tempDir(), "study.db");
    await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });

    const again = await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
    expect(again).toEqual({ applied: [], created: false });
    const viaEngine = await migrateDatabase({
      databasePath,
      migrationsDir: realMigrationsDir,
      alwaysUseEngine: true,
    });
    expect(viaEngine).toEqual({ applied: [], created: false });
    expect(migrationRows(databasePath)).toHaveLength(realMigrationNames().length);
  });

  it("treats an empty (0-byte) file as a new database", async () => {
    const databasePath = path.join(tempDir(), "empty.db");
    fs.writeFileSync(databasePath, "");
    const result = await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
    expect(result.applied).toEqual(realMigrationNames());
    expect(tableNames(databasePath)).toContain("Note");
  });
});

describe("upgrading a database with data", () => {
  it("applies only the new migration and keeps existing rows", async () => {
    const [firstName = ""] = realMigrationNames();
    const { migrationsDir, databasePath } = migrationSandbox([firstName]);

    expect(await migrateDatabase({ databasePath, migrationsDir })).toEqual({
      applied: [firstName],
      created: true,
    });

    withSqlite(databasePath, (db) => {
      db.prepare(
        `INSERT INTO "Note" ("id", "course", "chapter", "section", "body", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run("n1", "deep-dive-llms", 1, "tokens", "노트 본문 — keep me", "2025-01-01T00:00:00.000+00:00");
      db.prepare(
        `INSERT INTO "ChapterProgress" ("course", "chapter", "status", "updatedAt")
         VALUES (?, ?, ?, ?)`,
      ).run("deep-dive-llms", 1, "studying", "2025-01-01T00:00:00.000+00:00");
    });

    // A later migration with several statements: a new table and a new column.
    const secondName = "29991231235959_add_tags";
    fs.mkdirSync(path.join(migrationsDir, secondName));
    fs.writeFileSync(
      path.join(migrationsDir, secondName, "migration.sql"),
      [
        "-- CreateTable",
        'CREATE TABLE "Tag" (',
        '    "id" TEXT NOT NULL PRIMARY KEY,',
        '    "noteId" TEXT NOT NULL,',
        '    "label" TEXT NOT NULL,',
        '    CONSTRAINT "Tag_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE',
        ");",
        "",
        "-- AlterTable",
        'ALTER TABLE "Note" ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false;',
        "",
      ].join("\n"),
    );

    const upgrade = await migrateDatabase({ databasePath, migrationsDir });
    expect(upgrade).toMatchObject({ applied: [secondName], created: false });

    // The file as it was before the upgrade was copied aside.
    expect(upgrade.backupPath).toMatch(/study\.db\.backup-\d{8}-\d{6}$/);
    const backupPath = upgrade.backupPath ?? "";
    expect(tableNames(backupPath)).not.toContain("Tag");
    withSqlite(backupPath, (db) => expect(db.prepare(`SELECT "id" FROM "Note"`).all()).toEqual([{ id: "n1" }]));

    expect(tableNames(databasePath)).toEqual(expect.arrayContaining(["Note", "Tag"]));
    withSqlite(databasePath, (db) => {
      expect(db.prepare(`SELECT "id", "body", "pinned" FROM "Note"`).all()).toEqual([
        { id: "n1", body: "노트 본문 — keep me", pinned: 0 },
      ]);
      expect(db.prepare(`SELECT "status" FROM "ChapterProgress"`).all()).toEqual([{ status: "studying" }]);
      db.prepare(`INSERT INTO "Tag" ("id", "noteId", "label") VALUES ('t1', 'n1', 'x')`).run();
    });
    expect(migrationRows(databasePath).map((row) => row.migration_name)).toEqual([firstName, secondName]);
  });

  it("reports a failing migration and leaves the earlier data in place", async () => {
    const { migrationsDir, databasePath } = migrationSandbox();
    await migrateDatabase({ databasePath, migrationsDir });
    withSqlite(databasePath, (db) =>
      db
        .prepare(`INSERT INTO "Note" ("id", "course", "chapter", "body", "updatedAt") VALUES (?, ?, ?, ?, ?)`)
        .run("n1", "c", 1, "body", "2025-01-01T00:00:00.000+00:00"),
    );
    const broken = "29991231235959_broken";
    fs.mkdirSync(path.join(migrationsDir, broken));
    fs.writeFileSync(
      path.join(migrationsDir, broken, "migration.sql"),
      'CREATE TABLE "Fine" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Missing" ADD COLUMN "x" TEXT;\n',
    );
    await expect(migrateDatabase({ databasePath, migrationsDir })).rejects.toThrow(/Missing/);
    withSqlite(databasePath, (db) => expect(db.prepare(`SELECT count(*) AS n FROM "Note"`).get()).toEqual({ n: 1 }));
  });
});
