import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchemaDrift, createMigration, migrationChecksum } from "@/lib/db/migrations";
import {
  migrationSandbox,
  realMigrationNames,
  realMigrationsDir,
  realSchemaPath,
  tableNames,
  tempDir,
} from "./helpers";

const EXTRA_MODEL = `

model Bookmark {
  id        String   @id
  course    String
  chapter   Int
  createdAt DateTime @default(now())
}
`;

function schemaWithExtraModel(dir: string): string {
  const schemaPath = path.join(dir, "schema.prisma");
  fs.writeFileSync(schemaPath, fs.readFileSync(realSchemaPath, "utf8") + EXTRA_MODEL);
  return schemaPath;
}

describe("drift check", () => {
  it("says the real schema and the real migrations agree", async () => {
    expect(await checkSchemaDrift({ schemaPath: realSchemaPath, migrationsDir: realMigrationsDir })).toEqual({
      inSync: true,
    });
  });

  it("reports an extra model as SQL", async () => {
    const schemaPath = schemaWithExtraModel(tempDir());
    const result = await checkSchemaDrift({ schemaPath, migrationsDir: realMigrationsDir });
    expect(result.inSync).toBe(false);
    if (!result.inSync) expect(result.sql).toMatch(/CREATE TABLE "Bookmark"/);
  });

  it("reports a missing migrations folder as the whole schema", async () => {
    const result = await checkSchemaDrift({
      schemaPath: realSchemaPath,
      migrationsDir: path.join(tempDir(), "none"),
    });
    expect(result.inSync).toBe(false);
    if (!result.inSync) expect(result.sql).toMatch(/CREATE TABLE "Note"/);
  });
});

describe("creating a migration", () => {
  it("writes a new folder, applies it, and leaves the earlier ones alone", async () => {
    const { dir, migrationsDir, databasePath } = migrationSandbox(undefined, "dev.db");
    const checksumsBefore = realMigrationNames().map((name) =>
      migrationChecksum(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")),
    );
    const schemaPath = schemaWithExtraModel(dir);

    const result = await createMigration({
      name: "Add bookmarks!",
      schemaPath,
      migrationsDir,
      databasePath,
    });
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    expect(result.name).toMatch(/^\d{14}_add_bookmarks$/);
    expect(result.sql).toMatch(/CREATE TABLE "Bookmark"/);
    expect(result.applied).toEqual([...realMigrationNames(), result.name]);
    expect(fs.readFileSync(path.join(result.directory, "migration.sql"), "utf8")).toBe(result.sql);
    expect(tableNames(databasePath)).toContain("Bookmark");
    expect(
      realMigrationNames().map((name) =>
        migrationChecksum(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")),
      ),
    ).toEqual(checksumsBefore);

    expect(await checkSchemaDrift({ schemaPath, migrationsDir })).toEqual({ inSync: true });

    const again = await createMigration({ name: "again", schemaPath, migrationsDir, databasePath });
    expect(again).toEqual({ status: "no-changes", applied: [] });
    expect(fs.readdirSync(migrationsDir).filter((name) => name.endsWith("_again"))).toEqual([]);
  });

  it("refuses when nothing changed", async () => {
    const { migrationsDir, databasePath } = migrationSandbox(undefined, "dev.db");
    const result = await createMigration({
      name: "nothing",
      schemaPath: realSchemaPath,
      migrationsDir,
      databasePath,
    });
    expect(result.status).toBe("no-changes");
    expect(fs.readdirSync(migrationsDir).sort()).toEqual([...realMigrationNames(), "migration_lock.toml"].sort());
  });
});
