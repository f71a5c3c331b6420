/**
 * Migrations without the Prisma CLI's native schema engine, run by its WebAssembly build (see
 * engine.ts for why and how). Only scripts/, bench/ and the tests import
 * this; the app never does.
 */
export { migrateDatabase } from "./deploy";
export { createMigration, slugifyMigrationName } from "./dev";
export { checkSchemaDrift } from "./diff";
export { MigrationError } from "./errors";
export { externallyManagedTables, migrationChecksum, readMigrationFolders } from "./folders";
