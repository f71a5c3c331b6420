import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Why the server could not write the database at `filePath`, or null when it can. SQLite opens an
 * unwritable file read-only without complaint and only fails at the first write (SQLITE_READONLY),
 * so this writes for real: the database's user_version is set to the value it already has, which
 * commits one page and changes nothing. The folder must be writable too (SQLite creates the
 * `-wal` and `-shm` files next to the database). A missing file is not checked here.
 */
export function databaseWriteProblem(filePath: string): string | null {
  const folder = path.dirname(filePath);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return unwritable(filePath, `its folder ${folder} cannot be written (SQLite keeps its journal there)`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { fileMustExist: true });
    const version = Number(db.pragma("user_version", { simple: true }));
    db.pragma(`user_version = ${Number.isSafeInteger(version) ? version : 0}`);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unwritable(filePath, `cannot be written (${reason})`);
  } finally {
    db?.close();
  }
}

function unwritable(filePath: string, problem: string): string {
  return (
    `The database ${filePath} ${problem}. Your notes are not lost, but none can be saved: ` +
    `make the file and its folder writable for this user (or copy them somewhere writable and ` +
    `set DATABASE_URL=file:<that path>), then start again.`
  );
}

/**
 * A line for the log when DATABASE_URL names a file that does not exist yet (a new, empty
 * database will be created there): the user may have mistyped where their notes are. Null for
 * the default path (a first start) or when the file exists.
 */
export function missingDatabaseNotice(filePath: string, explicit: boolean, exists: boolean): string | null {
  if (!explicit || exists) return null;
  return (
    `db: DATABASE_URL names ${filePath}, which does not exist: creating a NEW, EMPTY database there. ` +
    `If your notes are in another file, stop now and fix DATABASE_URL.`
  );
}
