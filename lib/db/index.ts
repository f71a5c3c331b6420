import "server-only";
export { db, assertDatabaseUsable } from "@/lib/db/client";
