/**
 * Database migrations, offline (Prisma's schema engine as WebAssembly; see lib/db/migrations.ts).
 *
 *   npm run db:migrate          apply pending migrations to DATABASE_URL (default data/study.db)
 *   npm run db:new -- <name>    new prisma/migrations/<timestamp>_<name>/ from schema.prisma, applied
 *   npm run db:check            exit 0 when schema.prisma and the migrations agree, 2 when they drift
 */
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/lib/db/database-url";
import { MigrationError, checkSchemaDrift, createMigration, migrateDatabase } from "@/lib/db/migrations";
import { databaseWriteProblem, missingDatabaseNotice } from "@/lib/db/writable-check";

const root = process.cwd();
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const relative = (p: string) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

const USAGE = "Usage: tsx scripts/db.ts migrate | new <name> | check";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "migrate": {
      const databasePath = resolveDatabasePath();
      const notice = missingDatabaseNotice(
        databasePath,
        Boolean(process.env.DATABASE_URL?.trim()),
        fs.existsSync(databasePath),
      );
      if (notice) console.warn(notice);
      const started = performance.now();
      const result = await migrateDatabase({ databasePath, migrationsDir });
      const writeProblem = databaseWriteProblem(databasePath);
      if (writeProblem) {
        console.error(`db: ${writeProblem}`);
        return 1;
      }
      const ms = Math.round(performance.now() - started);
      if (result.applied.length === 0) {
        console.log(`db: ${relative(databasePath)} is up to date (${ms} ms)`);
      } else {
        const verb = result.created ? "created" : "migrated";
        console.log(`db: ${verb} ${relative(databasePath)}, applied:`);
        for (const name of result.applied) console.log(`  ${name}`);
      }
      return 0;
    }
    case "new": {
      const name = rest.join("_");
      if (!name) {
        console.error(`Name the migration: npm run db:new -- <name>`);
        return 1;
      }
      const databasePath = resolveDatabasePath();
      const result = await createMigration({ name, schemaPath, migrationsDir, databasePath });
      for (const applied of result.applied) {
        if (result.status === "created" && applied === result.name) continue;
        console.log(`db: applied pending migration ${applied}`);
      }
      if (result.status === "no-changes") {
        console.error(`db: nothing to change; ${relative(schemaPath)} matches the migrations. No migration created.`);
        return 1;
      }
      console.log(`db: created ${relative(path.join(result.directory, "migration.sql"))}`);
      console.log(`db: applied it to ${relative(databasePath)}`);
      return 0;
    }
    case "check": {
      const result = await checkSchemaDrift({ schemaPath, migrationsDir });
      if (result.inSync) {
        console.log(`db: ${relative(schemaPath)} and the migrations agree.`);
        return 0;
      }
      console.error(
        `db: ${relative(schemaPath)} and ${relative(migrationsDir)} drift. ` +
          `A migration would need this SQL (create it with npm run db:new -- <name>):\n`,
      );
      console.error(result.sql);
      return 2;
    }
    default:
      console.error(USAGE);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof MigrationError) {
      console.error(`db: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
