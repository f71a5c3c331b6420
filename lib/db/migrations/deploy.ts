/** `prisma migrate deploy`: brings a database file up to date, with a backup before an upgrade. */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkSqliteFile } from "@/lib/db/sqlite-file-check";
import { withEngine } from "./engine";
import { MigrationError } from "./errors";
import { migrationList, readMigrationFolders, schemaFilter, type MigrationFolder } from "./folders";

/** Refuses (MigrationError naming the file) a file that is not SQLite or is corrupt. */
export function assertDatabaseFileUsable(databasePath: string): "ok" | "missing" {
  const result = checkSqliteFile(databasePath);
  if (result.status === "invalid") throw new MigrationError(result.message);
  return result.status;
}

interface MigrationHistory {
  /** Migrations that finished and were not rolled back, with their checksums. */
  finished: Map<string, string>;
  /** Migrations that started and neither finished nor were rolled back (failed). */
  failed: string[];
}

/** Reads `_prisma_migrations` read-only; null when the database has no such table. */
function readMigrationHistory(databasePath: string): MigrationHistory | null {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return null;
    const rows = db
      .prepare(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations " + "ORDER BY started_at",
      )
      .all() as Array<{
      migration_name: string;
      checksum: string;
      finished_at: string | number | null;
      rolled_back_at: string | number | null;
    }>;
    const history: MigrationHistory = { finished: new Map(), failed: [] };
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue;
      if (row.finished_at === null) history.failed.push(row.migration_name);
      else history.finished.set(row.migration_name, row.checksum);
    }
    return history;
  } finally {
    db.close();
  }
}

/**
 * An applied migration whose migration.sql changed since is never run again, so the database
 * would silently miss the change (and a fresh database would differ from this one). Refuse, and
 * say how to put the change where it belongs.
 */
function refuseEditedMigrations(
  history: MigrationHistory | null,
  folders: MigrationFolder[],
  databasePath: string,
): void {
  if (history === null) return;
  const edited = folders.filter((folder) => {
    const applied = history.finished.get(folder.name);
    return applied !== undefined && applied !== folder.checksum;
  });
  if (edited.length === 0) return;
  const names = edited.map((folder) => folder.name).join(", ");
  throw new MigrationError(
    `migration ${names} was edited after it was applied to ${databasePath} (its checksum differs). ` +
      `The database keeps what the original did and would never get the edit: restore the original ` +
      `migration.sql (git checkout prisma/migrations) and make the change a new migration (npm run db:new -- <name>).`,
  );
}

/**
 * True when every migration folder is recorded as applied with the same checksum and the
 * database has no failed migration. Read-only and cheap (no wasm), so `db:migrate` before every
 * `npm run dev` costs a few milliseconds when nothing changed. Anything else goes to the engine.
 */
function isUpToDate(history: MigrationHistory | null, folders: MigrationFolder[]): boolean {
  if (history === null || history.failed.length > 0) return false;
  return folders.every((folder) => history.finished.get(folder.name) === folder.checksum);
}

/**
 * Copies the database (consistently, WAL included) to `<file>.backup-<time>` before an upgrade:
 * SQLite migrations are not atomic, so a migration that fails halfway can leave the file half
 * changed. Only called when an existing database is about to receive new migrations.
 */
async function backupDatabase(databasePath: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  let target = `${databasePath}.backup-${stamp}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${databasePath}.backup-${stamp}-${n}`;
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

export interface MigrateOptions {
  /** Absolute path of the SQLite file; created (with its folder) when missing. */
  databasePath: string;
  migrationsDir: string;
  /** Skip the read-only "nothing pending" shortcut and always ask the engine (tests). */
  alwaysUseEngine?: boolean;
  /** Copy an existing database aside before applying new migrations to it (default true). */
  backup?: boolean;
}

export interface MigrateResult {
  applied: string[];
  /** True when the database file did not exist before. */
  created: boolean;
  /** Where the database was copied before the upgrade, if it was. */
  backupPath?: string;
}

/** `prisma migrate deploy`: applies the pending migrations of `migrationsDir`, in order. */
export async function migrateDatabase(options: MigrateOptions): Promise<MigrateResult> {
  const { databasePath, migrationsDir } = options;
  const status = assertDatabaseFileUsable(databasePath);
  const folders = readMigrationFolders(migrationsDir);
  const history = status === "ok" ? readMigrationHistory(databasePath) : null;
  refuseEditedMigrations(history, folders, databasePath);
  if (!options.alwaysUseEngine && isUpToDate(history, folders)) {
    return { applied: [], created: false };
  }

  let backupPath: string | undefined;
  const upgrading =
    history !== null && history.failed.length === 0 && folders.some((folder) => !history.finished.has(folder.name));
  if (upgrading && options.backup !== false) {
    backupPath = await backupDatabase(databasePath, new Date());
  }

  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const list = migrationList(migrationsDir, folders);
  try {
    const applied = await withEngine(databasePath, undefined, async (engine) => {
      // On a new database the engine expects _prisma_migrations (P1014); an empty apply creates it.
      await engine.applyMigrations({
        migrationsList: { ...list, migrationDirectories: [] },
        filters: schemaFilter(folders),
      });
      const output = await engine.applyMigrations({ migrationsList: list, filters: schemaFilter(folders) });
      return output.appliedMigrationNames;
    });
    return { applied, created: status === "missing", ...(backupPath ? { backupPath } : {}) };
  } catch (error) {
    throw explainFailedMigration(error, databasePath, history, backupPath);
  }
}

/** Adds which migration failed, and what to do, to an engine error from `migrateDatabase`. */
function explainFailedMigration(
  error: unknown,
  databasePath: string,
  before: MigrationHistory | null,
  backupPath: string | undefined,
): unknown {
  if (!(error instanceof MigrationError) || !fs.existsSync(databasePath)) return error;
  const saved = backupPath ? `\nA copy of the database from before this run: ${backupPath}` : "";
  let failed: string[] = [];
  try {
    failed = readMigrationHistory(databasePath)?.failed ?? [];
  } catch {
    // unreadable now (e.g. locked): report the engine's error as is
  }
  if (failed.length === 0) return new MigrationError(error.message + saved, error.exitCode);
  const newlyFailed = failed.filter((name) => !(before?.failed ?? []).includes(name));
  const lines = [
    newlyFailed.length > 0
      ? `Migration ${newlyFailed.join(", ")} failed on ${databasePath}: ${error.message}`
      : error.message,
    `The failure is recorded in _prisma_migrations (finished_at is empty); migrate refuses to ` +
      `continue until it is resolved: restore the database from a backup, fix the migration, ` +
      `and run npm run db:migrate again.${saved}`,
  ];
  return new MigrationError(lines.join("\n"), error.exitCode);
}
