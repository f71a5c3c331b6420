import "server-only";
import { db } from "@/lib/db";

/** The triggers of migration …_search_index that keep "SearchNote" in step with "Note". */
export const NOTE_INDEX_TRIGGERS = ["Note_search_insert", "Note_search_update", "Note_search_delete"];

interface IndexHealth {
  live: number;
  indexed: number;
  matching: number;
  triggers: number;
}

async function noteIndexHealth(): Promise<IndexHealth> {
  const [row] = await db.$queryRawUnsafe<Record<keyof IndexHealth, number | bigint>[]>(
    `SELECT
       (SELECT count(*) FROM "Note" WHERE "deletedAt" IS NULL) AS live,
       (SELECT count(*) FROM "SearchNote") AS indexed,
       (SELECT count(*) FROM "SearchNote" s JOIN "Note" n ON n.rowid = s.rowid AND n."id" = s."noteId" AND n."deletedAt" IS NULL) AS matching,
       (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (${NOTE_INDEX_TRIGGERS.map((name) => `'${name}'`).join(", ")})) AS triggers`,
  );
  if (!row) throw new Error("the note index health query returned no row");
  return {
    live: Number(row.live),
    indexed: Number(row.indexed),
    matching: Number(row.matching),
    triggers: Number(row.triggers),
  };
}

/** Indexes every live note again, from scratch. */
export async function rebuildNoteIndex(): Promise<void> {
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM "SearchNote"`),
    db.$executeRawUnsafe(
      `INSERT INTO "SearchNote" (rowid, "noteId", "body") SELECT rowid, "id", "body" FROM "Note" WHERE "deletedAt" IS NULL`,
    ),
  ]);
}

let checked: Promise<void> | null = null;

/**
 * The triggers keep the note index exact; once per process we still verify it (a VACUUM may
 * renumber the rowids it is keyed by, a restored backup may predate a note) and rebuild it when
 * it disagrees with "Note".
 */
function ensureNoteIndex(): Promise<void> {
  checked ??= (async () => {
    const health = await noteIndexHealth();
    if (health.triggers !== NOTE_INDEX_TRIGGERS.length) {
      console.error(
        `search: the note index triggers (${NOTE_INDEX_TRIGGERS.join(", ")}) are missing, so new notes will not be found. ` +
          `A migration that recreates the "Note" table must create them again (see prisma/migrations/*_search_index).`,
      );
    }
    if (health.indexed !== health.live || health.matching !== health.live) await rebuildNoteIndex();
  })().catch((error: unknown) => {
    checked = null;
    throw error;
  });
  return checked;
}

/**
 * How long after the first search the check runs. Its queries are synchronous (better-sqlite3) and
 * take a fifth of a second at 100,000 notes: started with the first search, they held that search
 * up; a moment later they delay nothing the user is waiting for.
 */
const CHECK_DELAY_MS = 3_000;
let scheduled = false;

/** Schedules ensureNoteIndex once, without waiting for it; a failure is logged and retried by a later search. */
export function startNoteIndexCheck(): void {
  if (scheduled || checked) return;
  scheduled = true;
  const timer = setTimeout(() => {
    scheduled = false;
    ensureNoteIndex().catch((error: unknown) => console.error("search: checking the note index failed:", error));
  }, CHECK_DELAY_MS);
  // Never the reason a script (a test, content:check) stays alive.
  timer.unref();
}
