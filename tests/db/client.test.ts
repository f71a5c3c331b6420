import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDbClient, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { realMigrationsDir, tempDir } from "./helpers";

const savedUrl = process.env.DATABASE_URL;
afterEach(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe("the Prisma client", () => {
  it("reads and writes a migrated database with WAL, busy_timeout and foreign keys", async () => {
    const databasePath = path.join(tempDir(), "study.db");
    await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
    const client = createDbClient(databasePath);
    try {
      const pragmas = {
        journal: await client.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode"),
        busy: await client.$queryRawUnsafe<Array<{ timeout: bigint | number }>>("PRAGMA busy_timeout"),
        fk: await client.$queryRawUnsafe<Array<{ foreign_keys: bigint | number }>>("PRAGMA foreign_keys"),
        synchronous: await client.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous"),
      };
      expect(pragmas.journal[0]?.journal_mode).toBe("wal");
      expect(Number(pragmas.busy[0]?.timeout)).toBe(5000);
      expect(Number(pragmas.fk[0]?.foreign_keys)).toBe(1);
      expect(Number(pragmas.synchronous[0]?.synchronous), "synchronous=FULL (2) survives power loss").toBe(2);

      await client.note.create({
        data: { id: "n1", course: "deep-dive-llms", chapter: 2, body: "hello" },
      });
      await client.chapterProgress.upsert({
        where: { course_chapter: { course: "deep-dive-llms", chapter: 2 } },
        create: { course: "deep-dive-llms", chapter: 2, status: "studying" },
        update: { status: "studying" },
      });
      const note = await client.note.findUniqueOrThrow({ where: { id: "n1" } });
      expect(note.body).toBe("hello");
      expect(note.version).toBe(1);
      expect(note.createdAt).toBeInstanceOf(Date);
    } finally {
      await client.$disconnect();
    }
  });

  it("refuses a missing file and says how to create it", () => {
    const databasePath = path.join(tempDir(), "nope.db");
    expect(() => createDbClient(databasePath)).toThrow(/npm run db:migrate/);
  });

  it("getDb follows DATABASE_URL and reuses one client per file", async () => {
    const databasePath = path.join(tempDir(), "cached.db");
    await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir });
    process.env.DATABASE_URL = `file:${databasePath}`;
    const first = getDb();
    expect(getDb()).toBe(first);
    expect(await first.note.count()).toBe(0);
    await first.$disconnect();
  });
});
