import "server-only";
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, CONNECTION_PRAGMAS, getDb } from "@/lib/db/client";
import { resolveDatabasePath } from "@/lib/db/database-url";

/**
 * A direct better-sqlite3 connection to the app's database file, for the few hot statements where
 * Prisma's own cost per query is most of the time (a note save: ~10× slower through Prisma than
 * the same prepared UPDATE, bench/notes-profile.ts). Same file checks (it opens after getDb()) and
 * pragmas, except busy_timeout 0: its statements run on the event loop, so waiting for a lock held
 * by an interactive Prisma transaction of this same process would stall that transaction too. A
 * busy database throws SQLITE_BUSY at once; the caller then takes the Prisma path, which queues.
 */
type DirectGlobal = typeof globalThis & {
  __studySheetsSqlite?: {
    sqlite: Database.Database;
    databasePath: string;
    statements: Map<string, Database.Statement>;
  };
};

function connection() {
  const store = globalThis as DirectGlobal;
  const databasePath = resolveDatabasePath();
  const cached = store.__studySheetsSqlite;
  if (cached && cached.databasePath === databasePath) return cached;
  cached?.sqlite.close();
  getDb();
  const sqlite = new Database(databasePath, { fileMustExist: true, timeout: 0 });
  sqlite.exec(CONNECTION_PRAGMAS.replace(`busy_timeout = ${BUSY_TIMEOUT_MS}`, "busy_timeout = 0"));
  const opened = { sqlite, databasePath, statements: new Map<string, Database.Statement>() };
  store.__studySheetsSqlite = opened;
  return opened;
}

/** The prepared statement for `sql` on the direct connection (prepared once per connection). */
export function directStatement(sql: string): Database.Statement {
  const { sqlite, statements } = connection();
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** True when a direct statement found the database locked by another writer (try the queued path). */
export function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * Runs `work` in one IMMEDIATE transaction on the direct connection: one commit (one fsync under
 * synchronous=FULL) for everything it writes. Throws SQLITE_BUSY at once when another writer holds
 * the database.
 */
export function directTransaction<T>(work: () => T): T {
  return connection().sqlite.transaction(work).immediate();
}
