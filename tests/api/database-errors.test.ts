import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as notesRoute from "@/app/api/notes/route";
import { databaseUnavailableReason, withDatabaseErrors } from "@/lib/api/database-errors";
import { migrateDatabase } from "@/lib/db/migrations";
import { makeUnwritable, realMigrationsDir, tempDir } from "../db/helpers";

// No client is ever opened here (the locked file is refused), so there is nothing to disconnect.
const savedDatabaseUrl = process.env.DATABASE_URL;
afterAll(() => {
  if (savedDatabaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedDatabaseUrl;
});
describe("a database that cannot be used", () => {
  it("recognises SQLite's read-only error, however deep Prisma wraps it", () => {
    const file = path.join(tempDir(), "ro.db");
    new Database(file).exec("CREATE TABLE t (x)");
    let sqliteError: unknown;
    try {
      new Database(file, { readonly: true }).exec("INSERT INTO t VALUES (1)");
    } catch (error) {
      sqliteError = error;
    }
    expect(databaseUnavailableReason(sqliteError)).toMatch(/SQLITE_READONLY/);
    const wrapped = Object.assign(new Error("Invalid `prisma.note.create()` invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "sqlite", originalCode: "SQLITE_READONLY_DBMOVED" } } },
    });
    expect(databaseUnavailableReason(wrapped)).toMatch(/SQLITE_READONLY_DBMOVED/);
    expect(databaseUnavailableReason(new Error("some bug"))).toBeNull();
  });

  it("answers 503 with { error } through a real route, and rethrows other errors", async () => {
    const file = path.join(tempDir(), "notes.db");
    await migrateDatabase({ databasePath: file, migrationsDir: realMigrationsDir });
    makeUnwritable(file);
    process.env.DATABASE_URL = `file:${file}`;
    const response = await notesRoute.GET(new Request("http://127.0.0.1/api/notes?course=deep-dive-llms&chapter=1"));
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error).toContain(file);
    expect(body.error).toMatch(/cannot be written/);

    const buggy = withDatabaseErrors(async () => {
      throw new TypeError("a bug, not the database");
    });
    await expect(buggy()).rejects.toThrow(TypeError);
  });
});
