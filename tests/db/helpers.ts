import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const realSchemaPath = path.join(repoRoot, "prisma", "schema.prisma");
export const realMigrationsDir = path.join(repoRoot, "prisma", "migrations");

const created: string[] = [];

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-db-"));
  created.push(dir);
  return dir;
}

const locked: string[] = [];
const isRoot = process.getuid?.() === 0;

/**
 * Makes a file or folder unwritable for this process until the end of the test. Root ignores
 * file modes, so as root it is made immutable (chattr +i), which binds root too.
 */
export function makeUnwritable(target: string): void {
  if (isRoot) execFileSync("chattr", ["+i", target]);
  else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
  locked.push(target);
}

afterEach(() => {
  for (const target of locked.splice(0).reverse()) {
    if (isRoot) execFileSync("chattr", ["-i", target]);
    else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o755 : 0o644);
  }
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The real migration folders (names only), in order. */
export function realMigrationNames(): string[] {
  return fs
    .readdirSync(realMigrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A temp folder holding a copy of the real migrations (default: all), and where its database goes. */
export function migrationSandbox(
  names: string[] = realMigrationNames(),
  databaseName = "study.db",
): { dir: string; migrationsDir: string; databasePath: string } {
  const dir = tempDir();
  const migrationsDir = path.join(dir, "migrations");
  copyMigrations(migrationsDir, names);
  return { dir, migrationsDir, databasePath: path.join(dir, databaseName) };
}

/** Copies some of the real migration folders (default: all) and the lock file into `dir`. */
export function copyMigrations(dir: string, names: string[] = realMigrationNames()): void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(realMigrationsDir, "migration_lock.toml");
  if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(dir, "migration_lock.toml"));
  for (const name of names) {
    fs.cpSync(path.join(realMigrationsDir, name), path.join(dir, name), { recursive: true });
  }
}

export function tableNames(databasePath: string): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>;
    return rows.map((row) => row.name);
  } finally {
    db.close();
  }
}

/** Runs `work` on a read-write connection to `databasePath`, then closes it. */
export function withSqlite<T>(databasePath: string, work: (db: Database.Database) => T): T {
  const db = new Database(databasePath);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Points DATABASE_URL (and so the app's client) at a freshly migrated temporary database. */
export async function useMigratedTempDatabase(fileName: string): Promise<void> {
  const databasePath = path.join(tempDir(), fileName);
  await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
  process.env.DATABASE_URL = `file:${databasePath}`;
}

/** After the file's tests: disconnect the client and give DATABASE_URL back its old value. */
export function restoreDatabaseUrlAfterAll(): void {
  const saved = process.env.DATABASE_URL;
  afterAll(async () => {
    await getDb().$disconnect();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });
}

/**
 * Every test of the file gets its own freshly migrated database; between them, and before the
 * first, DATABASE_URL names no file, so a test that forgot it fails instead of sharing one.
 */
export function freshDatabaseEachTest(fileName: string): void {
  restoreDatabaseUrlAfterAll();
  beforeAll(() => {
    process.env.DATABASE_URL = "file:/nonexistent-until-each-test.db";
  });
  beforeEach(() => useMigratedTempDatabase(fileName));
}
