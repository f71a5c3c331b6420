import "server-only";
export { db } from "@/lib/db/client";
