import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { DatabaseFileError } from "@/lib/db/sqlite-file-check";
import { databaseWriteProblem, missingDatabaseNotice } from "@/lib/db/writable-check";
import { tempDir } from "./helpers";

const locked: string[] = [];

/**
 * Makes `target` unwritable for this process. Root ignores file modes, so as root the file is
 * made immutable (chattr +i), which binds root too; otherwise a plain chmod.
 */
function makeUnwritable(target: string): void {
  if (process.getuid?.() === 0) execFileSync("chattr", ["+i", target]);
  else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
  locked.push(target);
}

afterEach(() => {
  for (const target of locked.splice(0).reverse()) {
    if (process.getuid?.() === 0) execFileSync("chattr", ["-i", target]);
    else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o755 : 0o644);
  }
});

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

describe("missingDatabaseNotice", () => {
  it("warns only for an explicit DATABASE_URL naming a file that is not there", () => {
    expect(missingDatabaseNotice("/x/mistyped.db", true, false)).toMatch(/\/x\/mistyped\.db.*NEW, EMPTY.*DATABASE_URL/);
    expect(missingDatabaseNotice("/x/data/study.db", false, false)).toBeNull();
    expect(missingDatabaseNotice("/x/notes.db", true, true)).toBeNull();
  });
});
