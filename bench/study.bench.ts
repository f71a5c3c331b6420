import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/chromium";
import { ms, percentile, startBenchServer } from "./server";

/**
 * Study mode with a full library's worth of cards: 50 courses × 24 chapters × 25 cards (30,000)
 * and 100,000 review logs. Targets (issue 17): next due card p95 ≤ 30 ms, rating round trip
 * p50 ≤ 15 ms, study mode on a sheet ready ≤ 300 ms after the sheet.
 */
const COURSES = 50;
const CHAPTERS = 24;
const CARDS_PER_CHAPTER = 25;
const REVIEW_LOGS = 100_000;
const RUNS = 60;
const SHEET_RUNS = 5;
const TARGETS = { nextDueP95: 30, ratingP50: 15, studyReady: 300 };

/** Prisma's SQLite text form of a date. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

function hexId(n: number): string {
  return n.toString(16).padStart(20, "0");
}

/** Replaces every card and review with synthetic ones; a third of the cards are due now. */
function seed(databasePath: string): string[] {
  const db = new Database(databasePath);
  const ids: string[] = [];
  try {
    db.pragma("journal_mode = WAL");
    const card = db.prepare(
      `INSERT INTO "Card" ("id","course","chapter","section","kind","front","back","position","state","due","stability","difficulty",
        "elapsedDays","scheduledDays","learningSteps","reps","lapses","lastReview","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,0,?,0,?,?)`,
    );
    const log = db.prepare(
      `INSERT INTO "ReviewLog" ("reviewId","cardId","rating","state","due","reviewedAt") VALUES (?,?,?,?,?,?)`,
    );
    const now = Date.now();
    db.transaction(() => {
      db.prepare(`DELETE FROM "ReviewLog"`).run();
      db.prepare(`DELETE FROM "Card"`).run();
      let n = 0;
      for (let course = 1; course <= COURSES; course++) {
        for (let chapter = 1; chapter <= CHAPTERS; chapter++) {
          for (let position = 0; position < CARDS_PER_CHAPTER; position++) {
            const id = hexId(++n);
            ids.push(id);
            const reviewed = n % 4 !== 0;
            const due = new Date(now + ((n % 3) - 1) * 86400_000 * (1 + (n % 9)));
            const last = new Date(now - 86400_000 * (1 + (n % 20)));
            card.run(
              id,
              `bench-course-${course}`,
              chapter,
              `section-${position % 5}`,
              "highlight",
              `front ${n} […]`,
              `back ${n}`,
              position,
              reviewed ? 2 : 0,
              stored(due),
              reviewed ? 5 + (n % 30) : 0,
              reviewed ? 5 : 0,
              reviewed ? 3 : 0,
              reviewed ? 3 : 0,
              reviewed ? stored(last) : null,
              stored(new Date(now - 90 * 86400_000)),
            );
          }
        }
      }
      for (let i = 0; i < REVIEW_LOGS; i++) {
        const at = new Date(now - (i % 84) * 86400_000 - i * 1000);
        log.run(randomUUID(), ids[i % ids.length], 1 + (i % 4), i % 3 === 0 ? 0 : 2, stored(at), stored(at));
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return ids;
}

/**
 * Milliseconds from the sheet's data-ready to the study bar holding the chapter's cards, measured
 * in the page. A string, so the bench's compiler adds no helpers the page does not have.
 */
const STUDY_READY_GAP = `new Promise((resolve) => {
  let sheetAt = 0;
  const check = () => {
    if (!sheetAt && document.querySelector("[data-sheet][data-ready=true]")) sheetAt = performance.now();
    if (sheetAt && document.querySelector("[data-study-counts]")) return resolve(Math.max(0, performance.now() - sheetAt));
    requestAnimationFrame(check);
  };
  check();
})`;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response;
}

function line(label: string, value: number, target: number) {
  console.log(`${label}: ${ms(value)} (target ≤ ${target} ms) ${value <= target ? "✓" : "✗ over target"}`);
}

export async function run() {
  const server = await startBenchServer({ name: "bench-study" });
  try {
    const seedTime = await timed(() => {
      seed(server.databasePath);
      return Promise.resolve();
    });
    console.log(
      `seeded ${(COURSES * CHAPTERS * CARDS_PER_CHAPTER).toLocaleString("en")} cards and ${REVIEW_LOGS.toLocaleString("en")} review logs in ${ms(seedTime)}`,
    );
    // The first query syncs the real sheets' cards once per server process: warm it outside the figures.
    await ok(await fetch(`${server.baseUrl}/api/review/due?limit=1`));

    const nextDue: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const course = i % 2 === 0 ? "" : `course=bench-course-${1 + (i % COURSES)}&`;
      nextDue.push(
        await timed(
          async () => void (await (await ok(await fetch(`${server.baseUrl}/api/review/due?${course}limit=1`))).json()),
        ),
      );
    }
    nextDue.sort((a, b) => a - b);
    line(`next due card (GET /api/review/due, ${RUNS} runs) p95`, percentile(nextDue, 95), TARGETS.nextDueP95);

    const ratings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const body = JSON.stringify({ cardId: hexId(1 + i * 97), rating: 1 + (i % 4), reviewId: randomUUID() });
      const headers = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
      ratings.push(
        await timed(
          async () =>
            void (await (
              await ok(await fetch(`${server.baseUrl}/api/review`, { method: "POST", headers, body }))
            ).json()),
        ),
      );
    }
    ratings.sort((a, b) => a - b);
    line(`rating round trip (POST /api/review, ${RUNS} runs) p50`, percentile(ratings, 50), TARGETS.ratingP50);

    // Study mode ready: from the sheet's data-ready to the study bar holding the chapter's cards.
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const gaps: number[] = [];
      for (let i = 0; i < SHEET_RUNS + 1; i++) {
        await page.goto(`${server.baseUrl}/courses/deep-dive-llms/8`);
        const gap = Number(await page.evaluate(STUDY_READY_GAP));
        if (i > 0) gaps.push(gap); // the first view warms the server
      }
      gaps.sort((a, b) => a - b);
      line(`study mode ready after the sheet (${SHEET_RUNS} views) p50`, percentile(gaps, 50), TARGETS.studyReady);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
