import { isUnreadableValue } from "@/lib/db/readable-rows";
import { DatabaseFileError } from "@/lib/db/sqlite-file-check";
import { jsonError } from "./http";

/** SQLite result codes that mean "the database cannot be used now", not "this request is wrong". */
const UNAVAILABLE_CODE = /\bSQLITE_(READONLY|CANTOPEN|IOERR|FULL|CORRUPT|NOTADB|PERM|BUSY|LOCKED)\w*/;

/** Every string reachable from an error (message, code, cause, Prisma's meta), a few levels deep. */
function textsOf(value: unknown, depth = 0, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (depth > 4 || typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  // An error's cause (a string or another error) is read below with the rest.
  const own = value instanceof Error ? [value.message] : [];
  const nested = Object.values(value).flatMap((item) => textsOf(item, depth + 1, seen));
  const cause = value instanceof Error ? textsOf(value.cause, depth + 1, seen) : [];
  return [...own, ...nested, ...cause];
}

/**
 * What to tell the user when `error` means the database cannot be read or written (a read-only
 * file or folder, a full disk, a corrupt or missing file), or null for any other error.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  if (error instanceof DatabaseFileError) return error.message;
  for (const text of textsOf(error)) {
    const code = UNAVAILABLE_CODE.exec(text);
    if (code) return `the database cannot be used right now (${code[0]}); nothing was changed`;
  }
  return null;
}

/**
 * Wraps a route handler so a database that cannot be used answers 503 with `{ error }` (and one
 * log line) instead of an empty 500, and a request about one row that cannot be read back (written
 * outside the app, lib/db/readable-rows) a 409 naming it; other errors still reach Next's error handling.
 */
export function withDatabaseErrors<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isUnreadableValue(error)) {
        console.error(`db: ${error instanceof Error ? error.message : String(error)}`);
        return jsonError(
          409,
          "this record holds a value the app cannot read (see the server log); it was left as it is",
        );
      }
      const reason = databaseUnavailableReason(error);
      if (reason === null) throw error;
      console.error(`db: ${reason}`);
      return jsonError(503, reason);
    }
  };
}
