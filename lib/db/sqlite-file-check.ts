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
 * Looks at the database file without changing it: `missing` when there is none, `invalid` (with a
 * message naming the file and what to do) when it is not SQLite or is corrupt, else `ok`.
 * An empty (0-byte) file is `ok`: SQLite treats it as an empty database.
 */
export function checkSqliteFile(filePath: string): SqliteFileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    return { status: "invalid", message: refusal(filePath, `cannot be read (${String(error)})`) };
  }
  if (!stat.isFile()) return { status: "invalid", message: refusal(filePath, "is not a file") };
  if (stat.size === 0) return { status: "ok" };

  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, "r");
    fs.readSync(fd, header, 0, header.length, 0);
  } catch (error) {
    return { status: "invalid", message: refusal(filePath, `cannot be read (${String(error)})`) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    return { status: "invalid", message: refusal(filePath, "is not a SQLite database") };
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true });
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

/** Throws a DatabaseFileError for an invalid file; returns whether the file exists. */
export function assertUsableSqliteFile(filePath: string): "ok" | "missing" {
  const result = checkSqliteFile(filePath);
  if (result.status === "invalid") throw new DatabaseFileError(result.message, filePath);
  return result.status;
}
