/** `prisma migrate diff`: do schema.prisma and the migrations agree? */
import "server-only";
import path from "node:path";
import { withEngine } from "./engine";
import { migrationList, readMigrationFolders, readSchema, schemaFilter } from "./folders";

export interface CheckOptions {
  schemaPath: string;
  migrationsDir: string;
}

export type CheckResult = { inSync: true } | { inSync: false; sql: string };

/**
 * `prisma migrate diff --from-migrations --to-schema --exit-code`: replays the migrations into
 * an in-memory database and compares the result with the schema. Needs no database file.
 */
export async function checkSchemaDrift(options: CheckOptions): Promise<CheckResult> {
  const schema = {
    path: path.basename(options.schemaPath),
    content: readSchema(options.schemaPath),
  };
  const folders = readMigrationFolders(options.migrationsDir);
  const list = migrationList(options.migrationsDir, folders);
  const result = await withEngine(":memory:", schema, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: schemaFilter(folders),
    }),
  );
  if (result.exitCode === 0) return { inSync: true };
  return { inSync: false, sql: (result.stdout ?? "").trim() };
}
