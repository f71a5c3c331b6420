/**
 * Migrations without the Prisma CLI's native schema engine, run by its WebAssembly build (see
 * engine.ts for why and how). Only scripts/db.ts, scripts/app-server.ts and the tests import
 * this; the app never does.
 */
export { assertDatabaseFileUsable, migrateDatabase, type MigrateOptions, type MigrateResult } from "./deploy";
export { createMigration, slugifyMigrationName, type CreateMigrationOptions, type CreateMigrationResult } from "./dev";
export { checkSchemaDrift, type CheckOptions, type CheckResult } from "./diff";
export { MigrationError } from "./errors";
export {
  MIGRATION_LOCK_FILE,
  externallyManagedTables,
  migrationChecksum,
  readMigrationFolders,
  type MigrationFolder,
} from "./folders";
