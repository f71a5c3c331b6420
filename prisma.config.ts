import { defineConfig } from "prisma/config";

// Only `prisma generate` uses the CLI; migrations run through scripts/db.ts (offline, WebAssembly
// schema engine), so no engine binary is ever downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/study.db" },
});
