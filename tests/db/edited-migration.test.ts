import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MigrationError, checkSchemaDrift, migrateDatabase } from "@/lib/db/migrations";
import { migrationSandbox, realMigrationNames, realSchemaPath, tableNames } from "./helpers";

describe("an applied migration edited afterwards", () => {
  it("stops db:migrate with the migration's name and the fix, and the drift check reports the edit", async () => {
    const { migrationsDir, databasePath } = migrationSandbox();
    await migrateDatabase({ databasePath, migrationsDir });
    const [first] = realMigrationNames();
    if (first === undefined) throw new Error("no migration folders found");
    fs.appendFileSync(
      path.join(migrationsDir, first, "migration.sql"),
      '\nCREATE TABLE "Sneaky" ("id" TEXT PRIMARY KEY);\n',
    );

    const refusal = migrateDatabase({ databasePath, migrationsDir });
    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(migrateDatabase({ databasePath, migrationsDir })).rejects.toThrow(
      new RegExp(`migration ${first} was edited after it was applied .*npm run db:new`),
    );
    expect(tableNames(databasePath)).not.toContain("Sneaky");

    // The schema no longer matches what the migrations build: db:check says so, as SQL.
    const drift = await checkSchemaDrift({ schemaPath: realSchemaPath, migrationsDir });
    expect(drift.inSync).toBe(false);
    if (!drift.inSync) expect(drift.sql).toMatch(/DROP TABLE "Sneaky"/);
  });
});
