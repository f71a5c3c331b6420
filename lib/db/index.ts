import "server-only";
export { db, getDb, createDbClient, assertDatabaseUsable, BUSY_TIMEOUT_MS } from "@/lib/db/client";
export { resolveDatabasePath, resolveDatabaseUrl } from "@/lib/db/database-url";
export { checkSqliteFile, DatabaseFileError } from "@/lib/db/sqlite-file-check";
export type { SqliteFileCheck } from "@/lib/db/sqlite-file-check";
export type { PrismaClient } from "@/generated/prisma/client";
