import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Where the database lives when DATABASE_URL is not set (relative to the working directory). */
const DEFAULT_DATABASE_PATH = "data/study.db";

/** The part of the environment these functions read (process.env by default). */
export type DatabaseEnv = Readonly<Record<string, string | undefined>>;

/**
 * Absolute path of the SQLite file.
 *
 * `DATABASE_URL` must be a `file:` URL (`file:./data/study.db`, `file:data/x.db`, `file:/abs/x.db`
 * or `file:///abs/x.db`); a relative path is relative to `cwd`. Query strings
 * (`file:x.db?connection_limit=1`) are ignored. Without `DATABASE_URL`: `data/study.db`.
 */
export function resolveDatabasePath(env: DatabaseEnv = process.env, cwd: string = process.cwd()): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return path.resolve(cwd, DEFAULT_DATABASE_PATH);
  if (!raw.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL (e.g. file:./data/study.db), got "${raw}".`);
  }
  const withoutQuery = raw.replace(/[?#].*$/, "");
  // file:///abs/x.db and file://localhost/abs/x.db are real URLs; decode them properly.
  if (withoutQuery.startsWith("file://")) return path.resolve(fileURLToPath(withoutQuery));
  const filePath = decodeURIComponent(withoutQuery.slice("file:".length));
  if (filePath === "") {
    throw new Error(`DATABASE_URL "${raw}" names no file.`);
  }
  return path.resolve(cwd, filePath);
}

/** The same file as a `file:` URL with an absolute path (`file:///abs/data/study.db`). */
export function resolveDatabaseUrl(env: DatabaseEnv = process.env, cwd: string = process.cwd()): string {
  return pathToFileURL(resolveDatabasePath(env, cwd)).href;
}
