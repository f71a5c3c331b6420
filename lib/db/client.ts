import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { PrismaClient } from "@/generated/prisma/client";
import { AdapterWrapper } from "@/lib/db/adapter-wrapper";
import { resolveDatabasePath } from "@/lib/db/database-url";
import { DatabaseFileError, assertUsableSqliteFile } from "@/lib/db/sqlite-file-check";
import { databaseWriteProblem } from "@/lib/db/writable-check";

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;

/** Milliseconds a statement waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Run on every new connection. `journal_mode=WAL` is stored in the file (readers never block the
 * writer); `synchronous`, `busy_timeout` and `foreign_keys` are per connection. better-sqlite3's `timeout`
 * option already sets busy_timeout and its build enables foreign keys; the pragmas make both
 * explicit so they do not depend on the driver's defaults.
 */
export const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL;",
  // FULL syncs the WAL on every commit: an acknowledged note survives a power cut, not only a
  // crash of the process (NORMAL may roll back the last commits). Cost: bench/notes.bench.ts.
  "PRAGMA synchronous = FULL;",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`,
  "PRAGMA foreign_keys = ON;",
].join("\n");

/** Wraps the better-sqlite3 adapter factory so every connection it opens gets the pragmas. */
class PragmaSqliteAdapterFactory extends AdapterWrapper<PrismaBetterSqlite3> implements SqlDriverAdapterFactory {
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }
}

/**
 * Creates a Prisma client for the SQLite file at `databasePath` (an absolute path). Refuses a
 * missing file (run the migrations first) and a file that is not SQLite or is corrupt, with a
 * message that says what to do; never creates, deletes or rewrites the file itself.
 */
export function createDbClient(databasePath: string): PrismaClient {
  const status = assertUsableSqliteFile(databasePath);
  if (status === "missing") {
    throw new DatabaseFileError(
      `The database file ${databasePath} does not exist. Run \`npm run db:migrate\` to create it ` +
        `(npm run dev and npm start do this first), or set DATABASE_URL to an existing file.`,
      databasePath,
    );
  }
  // Checked once per client: otherwise an unwritable file opens read-only and every write fails.
  const writeProblem = databaseWriteProblem(databasePath);
  if (writeProblem) throw new DatabaseFileError(writeProblem, databasePath);
  const adapter = new PrismaBetterSqlite3({
    url: databasePath,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  return new PrismaClient({ adapter: new PragmaSqliteAdapterFactory(adapter) });
}

type DbGlobal = typeof globalThis & {
  __studySheetsDb?: { client: PrismaClient; databasePath: string };
};

/**
 * The app's one Prisma client, created on first use for the file DATABASE_URL names (default
 * data/study.db). Cached on globalThis so Next's dev hot reload does not open a new connection
 * on every edit.
 */
export function getDb(): PrismaClient {
  const store = globalThis as DbGlobal;
  const databasePath = resolveDatabasePath();
  const cached = store.__studySheetsDb;
  if (cached && cached.databasePath === databasePath) return cached.client;
  if (cached) void cached.client.$disconnect();
  const client = createDbClient(databasePath);
  store.__studySheetsDb = { client, databasePath };
  return client;
}

/**
 * The same client as `getDb()`, usable as a plain value (`db.note.findMany()`). It is created on
 * first property access, not at import, so importing this module never touches the disk (e.g.
 * during `next build`).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    if (typeof value !== "function") return value;
    const bound: unknown = value.bind(client);
    return bound;
  },
  has(_target, property) {
    return Reflect.has(getDb(), property);
  },
});

/**
 * Opens the database and reads from it, throwing what an unusable one throws (a missing,
 * unwritable or unreadable file). For work that reaches the database only indirectly, such as a
 * PDF whose print pages read the notes and diagram edits: its route learns first and answers 503.
 */
export async function assertDatabaseUsable(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
