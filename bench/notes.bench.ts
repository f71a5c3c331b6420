import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { ms, percentile, startBenchServer } from "./server";

/**
 * Notes: save latency (POST then PATCH with versions) with 20 writers at once, and the time to
 * list one chapter's notes when the database holds 100,000 notes.
 */
const TOTAL_NOTES = 100_000;
const COURSE = "deep-dive-llms";
const CHAPTERS = 24;
/** The chapter timed for listing holds as many notes as a diligent student might write. */
const LISTED_CHAPTER = 8;
const NOTES_IN_LISTED_CHAPTER = 200;
/** The busiest other chapter: the rest are spread evenly, ~4,300 a chapter. */
const HEAVY_CHAPTER = 9;
const OTHER_CHAPTERS = Array.from({ length: CHAPTERS }, (_, index) => index + 1).filter(
  (chapter) => chapter !== LISTED_CHAPTER,
);
const WRITERS = 20;
const SAVES_PER_WRITER = 100;
const WARM_UP_SAVES_PER_WRITER = 50;
const LIST_RUNS = 30;

function body(index: number): string {
  return `Note ${index}: **attention** is a weighted average of values; 토큰 ${index % 977} — see the few-shot section.\n\n- point one\n- point two`;
}

/** Replaces every note with TOTAL_NOTES synthetic ones, in one transaction (the search triggers index them too). */
function seed(databasePath: string) {
  const db = new Database(databasePath);
  try {
    db.pragma("journal_mode = WAL");
    const insert = db.prepare(
      `INSERT INTO "Note" ("id", "course", "chapter", "section", "sectionTitle", "timestamp", "body", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const start = Date.parse("2026-01-01T00:00:00Z");
    db.transaction(() => {
      db.prepare(`DELETE FROM "Note"`).run();
      for (let index = 0; index < TOTAL_NOTES; index++) {
        const chapter =
          index < NOTES_IN_LISTED_CHAPTER ? LISTED_CHAPTER : OTHER_CHAPTERS[index % OTHER_CHAPTERS.length];
        const at = new Date(start + index * 1000).toISOString().replace("Z", "+00:00");
        const section = index % 3 === 0 ? null : `section-${index % 7}`;
        insert.run(
          randomUUID(),
          COURSE,
          chapter,
          section,
          section ? section.toUpperCase() : null,
          index % 2 ? index % 3600 : null,
          body(index),
          at,
          at,
        );
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

async function timed(work: () => void | Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function expectStatus(response: Response, status: number) {
  if (response.status !== status)
    throw new Error(`${response.url}: expected ${status}, got ${response.status} ${await response.text()}`);
}

/**
 * WRITERS at once: each creates its note, then autosaves it `savesPerWriter` times, each save based
 * on the version the previous one returned, as the notes panel does. Each request's time goes into
 * `times`.
 */
async function writeConcurrently(baseUrl: string, savesPerWriter: number, times: number[] = []): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      const id = randomUUID();
      let text = `Writer ${writer}:`;
      times.push(
        await timed(async () => {
          const response = await fetch(`${baseUrl}/api/notes`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ id, course: COURSE, chapter: LISTED_CHAPTER, body: text }),
          });
          await expectStatus(response, 201);
        }),
      );
      let version = 1;
      for (let save = 0; save < savesPerWriter; save++) {
        text += ` word${save}`;
        times.push(
          await timed(async () => {
            const response = await fetch(`${baseUrl}/api/notes/${id}`, {
              method: "PATCH",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ body: text, version }),
            });
            await expectStatus(response, 200);
            version = ((await response.json()) as { version: number }).version;
          }),
        );
      }
    }),
  );
}

export async function run() {
  const server = await startBenchServer({ name: "bench-notes" });
  try {
    const seeded = await timed(() => seed(server.databasePath));
    console.log(`seeded ${TOTAL_NOTES.toLocaleString("en")} notes in ${ms(seeded)}`);

    for (const [chapter, label] of [
      [LISTED_CHAPTER, `chapter ${LISTED_CHAPTER} (${NOTES_IN_LISTED_CHAPTER} notes)`],
      [
        HEAVY_CHAPTER,
        `chapter ${HEAVY_CHAPTER} (~${Math.round((TOTAL_NOTES - NOTES_IN_LISTED_CHAPTER) / OTHER_CHAPTERS.length).toLocaleString("en")} notes)`,
      ],
    ] as const) {
      const times: number[] = [];
      let count = 0;
      for (let runIndex = 0; runIndex < LIST_RUNS + 3; runIndex++) {
        const time = await timed(async () => {
          const response = await fetch(`${server.baseUrl}/api/notes?course=${COURSE}&chapter=${chapter}`);
          await expectStatus(response, 200);
          count = ((await response.json()) as { notes: unknown[] }).notes.length;
        });
        if (runIndex >= 3) times.push(time); // the first requests warm the server
      }
      times.sort((a, b) => a - b);
      console.log(
        `list ${label} of ${TOTAL_NOTES.toLocaleString("en")}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (${count} returned, ${LIST_RUNS} runs)`,
      );
    }

    // The first round warms the server (its route's code loaded and compiled, the statements
    // prepared); only the second is counted.
    await writeConcurrently(server.baseUrl, WARM_UP_SAVES_PER_WRITER);
    const saves: number[] = [];
    const wall = await timed(() => writeConcurrently(server.baseUrl, SAVES_PER_WRITER, saves));
    saves.sort((a, b) => a - b);
    console.log(
      `save latency, ${WRITERS} concurrent writers (${saves.length} saves, ${((saves.length / wall) * 1000).toFixed(0)} saves/s, target ≥ 1000): p50 ${ms(percentile(saves, 50))} (target ≤ 20 ms), p99 ${ms(percentile(saves, 99))} (target ≤ 60 ms), max ${ms(saves.at(-1) ?? NaN)}`,
    );
  } finally {
    await server.stop();
  }
}
