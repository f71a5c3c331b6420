import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { MigrationError, createMigration, migrateDatabase } from "@/lib/db/migrations";
import { checkSqliteFile } from "@/lib/db/sqlite-file-check";
import { realMigrationsDir, realSchemaPath, tempDir } from "./helpers";

/** A real SQLite database of several pages: a table of 500 rows and an index on it. Its bytes. */
function severalPages(filePath: string): Buffer {
  const db = new Database(filePath);
  db.exec(`CREATE TABLE a (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX a_body ON a (body);`);
  const insert = db.prepare("INSERT INTO a (body) VALUES (?)");
  for (let i = 0; i < 500; i++) insert.run(`row ${i} ${"x".repeat(60)}`);
  db.close();
  return fs.readFileSync(filePath);
}

/** A real SQLite database of several pages, cut to its first two pages. */
function truncatedSqlite(filePath: string): void {
  const bytes = severalPages(filePath);
  expect(bytes.length).toBeGreaterThan(8192);
  fs.writeFileSync(filePath, bytes.subarray(0, 8192));
}

const cases: Array<[string, (filePath: string) => void, RegExp]> = [
  ["a text file", (p) => fs.writeFileSync(p, "these are my notes, not a database\n"), /not a SQLite database/],
  [
    "a file with a SQLite-looking but wrong header",
    (p) => fs.writeFileSync(p, Buffer.concat([Buffer.from("SQLite format 2\0"), Buffer.alloc(200, 7)])),
    /not a SQLite database/,
  ],
  ["a truncated SQLite file", truncatedSqlite, /corrupt/],
];

describe.each(cases)("refusing %s", (_label, make, problem) => {
  function setup(): { filePath: string; before: Buffer; siblings: string[] } {
    const dir = tempDir();
    const filePath = path.join(dir, "study.db");
    make(filePath);
    return { filePath, before: fs.readFileSync(filePath), siblings: fs.readdirSync(dir) };
  }

  function expectUntouched(filePath: string, before: Buffer, siblings: string[]): void {
    expect(fs.readFileSync(filePath).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(filePath))).toEqual(siblings);
  }

  it("checkSqliteFile says why and what to do", () => {
    const { filePath, before, siblings } = setup();
    const result = checkSqliteFile(filePath);
    expect(result.status).toBe("invalid");
    const message = result.status === "invalid" ? result.message : "";
    expect(message).toContain(filePath);
    expect(message).toMatch(problem);
    expect(message).toMatch(/never deletes or overwrites/);
    expect(message).toMatch(/DATABASE_URL/);
    expectUntouched(filePath, before, siblings);
  });

  it("migrate refuses with the path and leaves the bytes alone", async () => {
    const { filePath, before, siblings } = setup();
    const attempt = migrateDatabase({ databasePath: filePath, migrationsDir: realMigrationsDir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(filePath);
    expectUntouched(filePath, before, siblings);
  });

  it("db:new and the app's client refuse it too", async () => {
    const { filePath, before, siblings } = setup();
    const migrationsDir = path.join(path.dirname(filePath), "migrations");
    await expect(
      createMigration({
        name: "x",
        schemaPath: realSchemaPath,
        migrationsDir,
        databasePath: filePath,
      }),
    ).rejects.toThrow(filePath);
    expect(() => createDbClient(filePath)).toThrow(filePath);
    expect(fs.existsSync(migrationsDir)).toBe(false);
    expectUntouched(filePath, before, siblings);
  });
});

describe("checkSqliteFile on usable files", () => {
  it("reports missing and ok", () => {
    const dir = tempDir();
    expect(checkSqliteFile(path.join(dir, "none.db"))).toEqual({ status: "missing" });
    const filePath = path.join(dir, "ok.db");
    new Database(filePath).exec("CREATE TABLE t (x)").close();
    expect(checkSqliteFile(filePath)).toEqual({ status: "ok" });
    fs.writeFileSync(path.join(dir, "empty.db"), "");
    expect(checkSqliteFile(path.join(dir, "empty.db"))).toEqual({ status: "ok" });
  });

  it("refuses a directory", () => {
    const result = checkSqliteFile(tempDir());
    expect(result.status).toBe("invalid");
  });
});

describe("the two depths of the check", () => {
  /** A database whose pages are all there, one of them (an index page past the schema) overwritten with noise. */
  function damagedPage(filePath: string): void {
    const bytes = severalPages(filePath);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize * 3, pageSize * 4);
    fs.writeFileSync(filePath, bytes);
  }

  it("the migrations' thorough check reads every page; the app's quick one only the header and schema", () => {
    const filePath = path.join(tempDir(), "study.db");
    damagedPage(filePath);
    expect(checkSqliteFile(filePath, "thorough")).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/corrupt/),
    });
    expect(checkSqliteFile(filePath, "quick")).toEqual({ status: "ok" });
  });
});
