/** `prisma migrate dev --create-only` and apply: a new migration from a change to schema.prisma. */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { slugify } from "@/lib/content/slug";
import { assertDatabaseFileUsable } from "./deploy";
import { withEngine } from "./engine";
import { MigrationError } from "./errors";
import {
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT,
  migrationList,
  readMigrationFolders,
  readSchema,
  schemaFilter,
} from "./folders";

export interface CreateMigrationOptions {
  /** Descriptive part of the folder name; slugified (`add notes` → `add_notes`). */
  name: string;
  schemaPath: string;
  migrationsDir: string;
  /** The development database: brought up to date first, then the new migration is applied. */
  databasePath: string;
}

export type CreateMigrationResult =
  | { status: "created"; name: string; directory: string; sql: string; applied: string[] }
  | { status: "no-changes"; applied: string[] };

/** `add notes` → `add_notes`, as Prisma names migration folders. */
export function slugifyMigrationName(name: string): string {
  return slugify(name, "_").slice(0, 200);
}

/**
 * `prisma migrate dev --name <name>`: applies pending migrations to the development database,
 * writes `<migrationsDir>/<timestamp>_<name>/migration.sql` from the difference between the
 * migrations and `schemaPath`, and applies it. Never edits an existing migration folder; never
 * resets the database (it refuses instead).
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const { schemaPath, migrationsDir, databasePath } = options;
  const slug = slugifyMigrationName(options.name);
  if (!slug) {
    throw new MigrationError(`Give the migration a name made of letters or digits, e.g. npm run db:new -- add_tags.`);
  }
  const schema = { path: path.basename(schemaPath), content: readSchema(schemaPath) };
  assertDatabaseFileUsable(databasePath);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });

  return withEngine(databasePath, schema, async (engine) => {
    let folders = readMigrationFolders(migrationsDir);
    let list = migrationList(migrationsDir, folders);
    await engine.applyMigrations({
      migrationsList: { ...list, migrationDirectories: [] },
      filters: schemaFilter(folders),
    });
    const pending = await engine.applyMigrations({ migrationsList: list, filters: schemaFilter(folders) });
    const applied = [...pending.appliedMigrationNames];

    // Also replays the migrations into the shadow database; createMigration reuses that result.
    const diagnostic = await engine.devDiagnostic({ migrationsList: list, filters: schemaFilter(folders) });
    if (diagnostic.action.tag === "reset") {
      throw new MigrationError(
        `The database ${databasePath} does not match the migrations in ${migrationsDir}:\n` +
          `${diagnostic.action.reason}\n` +
          `Study Sheets never resets a database. Move the file aside (or point DATABASE_URL at a ` +
          `new file) and run npm run db:migrate, then try again.`,
      );
    }

    const output = await engine.createMigration({
      draft: false,
      migrationName: slug,
      migrationsList: list,
      schema: { files: [schema] },
      filters: schemaFilter(folders),
    });
    if (output.migrationScript === null) return { status: "no-changes", applied };

    const folderName = output.generatedMigrationName;
    const directory = path.join(migrationsDir, folderName);
    if (fs.existsSync(directory)) {
      throw new MigrationError(`Migration folder ${directory} already exists; not overwriting it.`);
    }
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, MIGRATION_SCRIPT), output.migrationScript, { flag: "wx" });
    const lockPath = path.join(migrationsDir, MIGRATION_LOCK_FILE);
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, MIGRATION_LOCK_CONTENT);

    folders = readMigrationFolders(migrationsDir);
    list = migrationList(migrationsDir, folders);
    const after = await engine.applyMigrations({ migrationsList: list, filters: schemaFilter(folders) });
    applied.push(...after.appliedMigrationNames);
    return {
      status: "created",
      name: folderName,
      directory,
      sql: output.migrationScript,
      applied,
    };
  });
}
