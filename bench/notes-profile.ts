/**
 * Where a note save spends its time, without HTTP: the PATCH handler of app/api/notes/[id] called
 * in-process by 20 concurrent writers, beside the same update done by Prisma alone and by
 * better-sqlite3 alone. Run with `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/notes-profile.ts`
 * for a CPU profile. Not part of `npm run bench` (no server, no build).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrations";
import { ms, percentile } from "./server";

const WRITERS = 20;
const SAVES = 50;

async function concurrently(
  label: string,
  save: (id: string, version: number, text: string) => Promise<number>,
  ids: string[],
) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      let version = 1;
      let text = "x";
      for (let index = 0; index < SAVES; index++) {
        text += ` w${index}`;
        const t = performance.now();
        version = await save(id, version, text);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${((times.length / wall) * 1000).toFixed(0)} saves/s, p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (${WRITERS} writers)`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-notes-profile-"));
const databasePath = path.join(dir, "study.db");
await migrateDatabase({ databasePath, migrationsDir: path.resolve("prisma/migrations"), backup: false });
process.env.DATABASE_URL = `file:${databasePath}`;
const { db } = await import("@/lib/db");
const { PATCH } = await import("@/app/api/notes/[id]/route");

async function seedNotes(): Promise<string[]> {
  const ids = Array.from({ length: WRITERS }, () => randomUUID());
  for (const id of ids) await db.note.create({ data: { id, course: "deep-dive-llms", chapter: 8, body: "x" } });
  return ids;
}

await concurrently(
  "PATCH handler (zod, body parsing, Prisma, JSON)",
  async (id, version, text) => {
    const request = new Request(`http://127.0.0.1/api/notes/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: text, version }),
    });
    const response = await PATCH(request, { params: Promise.resolve({ id }) });
    const json: unknown = await response.json();
    return typeof json === "object" && json !== null && "version" in json && typeof json.version === "number"
      ? json.version
      : version;
  },
  await seedNotes(),
);
await concurrently(
  "Prisma update alone (better-sqlite3 adapter)",
  async (id, version, text) =>
    (await db.note.update({ where: { id, version, deletedAt: null }, data: { body: text, version: { increment: 1 } } }))
      .version,
  await seedNotes(),
);
await concurrently(
  "Prisma, one raw UPDATE … RETURNING (no transaction around it)",
  async (id, version, text) => {
    const rows = await db.$queryRaw<
      { version: number | bigint }[]
    >`UPDATE "Note" SET "body" = ${text}, "version" = "version" + 1, "updatedAt" = ${new Date()} WHERE "id" = ${id} AND "version" = ${version} AND "deletedAt" IS NULL RETURNING "version"`;
    return rows[0] ? Number(rows[0].version) : version;
  },
  await seedNotes(),
);
const raw = new Database(databasePath);
raw.pragma("journal_mode = WAL");
const update = raw.prepare(
  `UPDATE "Note" SET "body" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? RETURNING "version"`,
);
await concurrently(
  "better-sqlite3 alone (same UPDATE, same file)",
  (id, version, text) => {
    const row: unknown = update.get(text, new Date().toISOString(), id, version);
    const saved =
      typeof row === "object" && row !== null && "version" in row && typeof row.version === "number"
        ? row.version
        : version;
    return Promise.resolve(saved);
  },
  await seedNotes(),
);
raw.close();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
