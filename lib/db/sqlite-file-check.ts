import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

export type SqliteFileCheck = { status: "ok" } | { status: "missing" } | { status: "invalid"; message: string };

function refusal(filePath: string, problem: string): string {
  return (
    `The database file ${filePath} ${problem}. ` +
    `Move it aside or restore a backup; Study Sheets never deletes or overwrites it. ` +
    `Set DATABASE_URL (e.g. DATABASE_URL=file:./data/other.db) to use another file.`
  );
}

/**
 * The size in bytes the header says the database has, or null when that field is not to be trusted
 * (written by a SQLite older than 3.7.0: the "version-valid-for" number differs from the change counter).
 */
function sizeInHeader(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  return valid && pages > 0 ? pages * pageSize : null;
}

/**
 * How deep the check goes. `thorough` (the migrations, run before the app starts) reads every page
 * with SQLite's quick_check; `quick` (the app's client, on its first query) reads only the header and
 * the schema: quick_check costs seconds on a large database, and the first request waited for it.
 */
export type CheckDepth = "thorough" | "quick";

/**
 * Looks at the database file without changing it: `missing` when there is none, `invalid` (with a
 * message naming the file and what to do) when it is not SQLite or is corrupt, else `ok`.
 * An empty (0-byte) file is `ok`: SQLite treats it as an empty database.
 */
export function checkSqliteFile(filePath: string, depth: CheckDepth = "thorough"): SqliteFileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    return { status: "invalid", message: refusal(filePath, `cannot be read (${String(error)})`) };
  }
  if (!stat.isFile()) return { status: "invalid", message: refusal(filePath, "is not a file") };
  if (stat.size === 0) return { status: "ok" };

  // The whole 100-byte database header: the magic string, then page size, page count and counters.
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, "r");
    fs.readSync(fd, header, 0, header.length, 0);
  } catch (error) {
    return { status: "invalid", message: refusal(filePath, `cannot be read (${String(error)})`) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    return { status: "invalid", message: refusal(filePath, "is not a SQLite database") };
  }
  const expected = stat.size >= header.length ? sizeInHeader(header) : null;
  if (expected !== null && stat.size < expected) {
    return {
      status: "invalid",
      message: refusal(filePath, `is corrupt (${stat.size} bytes where its header says ${expected}: cut short?)`),
    };
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true });
    if (depth === "quick") {
      // Reads the schema: a file whose first pages are not a database fails here.
      db.pragma("schema_version");
      return { status: "ok" };
    }
    const rows = db.pragma("quick_check") as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== "ok");
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join("; ");
      return {
        status: "invalid",
        message: refusal(filePath, `is corrupt (SQLite quick_check: ${shown})`),
      };
    }
    return { status: "ok" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: "invalid", message: refusal(filePath, `is corrupt or unreadable (${reason})`) };
  } finally {
    db?.close();
  }
}

/** Thrown when the database file exists but cannot be used; the message says what to do. */
export class DatabaseFileError extends Error {
  constructor(
    message: string,
    readonly filePath: string,
  ) {
    super(message);
    this.name = "DatabaseFileError";
  }
}

/** Throws a DatabaseFileError for an invalid file (a quick check); returns whether the file exists. */
export function assertUsableSqliteFile(filePath: string): "ok" | "missing" {
  const result = checkSqliteFile(filePath, "quick");
  if (result.status === "invalid") throw new DatabaseFileError(result.message, filePath);
  return result.status;
}
