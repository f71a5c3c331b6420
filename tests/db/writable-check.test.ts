import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { DatabaseFileError } from "@/lib/db/sqlite-file-check";
import { migrateDatabase } from "@/lib/db/migrations";
import { databaseWriteProblem, missingDatabaseNotice } from "@/lib/db/writable-check";
import { makeUnwritable, realMigrationsDir, repoRoot, tempDir } from "./helpers";

function sampleDatabase(): string {
  const file = path.join(tempDir(), "notes.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  db.close();
  return file;
}

describe("databaseWriteProblem", () => {
  it("passes a writable database and leaves its data as it was", () => {
    const file = sampleDatabase();
    expect(databaseWriteProblem(file)).toBeNull();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT x FROM t").all()).toEqual([{ x: 1 }]);
    db.close();
  });

  it("names the file and what to do when the file cannot be written", () => {
    const file = sampleDatabase();
    makeUnwritable(file);
    const problem = databaseWriteProblem(file);
    expect(problem).toContain(file);
    expect(problem).toMatch(/cannot be written .*readonly/i);
    expect(problem).toMatch(/DATABASE_URL/);
    // The server's client refuses at creation, with the same words, instead of failing every write.
    expect(() => createDbClient(file)).toThrow(DatabaseFileError);
  });

  it("names the folder when SQLite cannot create its journal next to the file", () => {
    const file = sampleDatabase();
    makeUnwritable(path.dirname(file));
    if (process.getuid?.() !== 0) {
      expect(databaseWriteProblem(file)).toMatch(/folder .* cannot be written/);
      return;
    }
    // access(2) ignores chattr for root: the write itself must fail and be reported.
    const problem = databaseWriteProblem(file);
    expect(problem).toContain(file);
  });
});

describe("npm start / npm run dev (db:migrate runs first)", () => {
  const migrate = (databasePath: string) =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "migrate"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `file:${databasePath}` },
      encoding: "utf8",
    });

  it("refuses to start on an up-to-date database it cannot write, naming the file", async () => {
    const file = path.join(tempDir(), "study.db");
    await migrateDatabase({ databasePath: file, migrationsDir: realMigrationsDir });
    makeUnwritable(file);
    const result = migrate(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`db: The database ${file} cannot be written`);
    expect(result.stdout, "it must not claim all is well").not.toMatch(/up to date/);
  });

  it("warns when DATABASE_URL names a file that does not exist, then creates it", () => {
    const file = path.join(tempDir(), "mistyped.db");
    const result = migrate(file);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`DATABASE_URL names ${file}, which does not exist`);
    expect(result.stdout).toMatch(/created/);
  });
});

describe("missingDatabaseNotice", () => {
  it("warns only for an explicit DATABASE_URL naming a file that is not there", () => {
    expect(missingDatabaseNotice("/x/mistyped.db", true, false)).toMatch(/\/x\/mistyped\.db.*NEW, EMPTY.*DATABASE_URL/);
    expect(missingDatabaseNotice("/x/data/study.db", false, false)).toBeNull();
    expect(missingDatabaseNotice("/x/notes.db", true, true)).toBeNull();
  });
});
