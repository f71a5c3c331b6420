import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { copyId, countSheets, makeLibrary } from "./library";
import { ms, percentile, startBenchServer } from "./server";

/**
 * Search and library at scale: 50 copies of the sample course (1,200 sheets with transcripts) and
 * 100,000 synthetic notes. Prints search p50/p95 (index path and short-word LIKE path), the
 * first search after a start (index kept in SQLite), re-indexing after a sheet is edited,
 * removed and added, and the library page's response time.
 */

const COURSES = 50;
const CHAPTERS = 24;
const NOTES = 100_000;

const ENGLISH =
  "token model base assistant attention transformer gradient descent loss reward policy sampling context window embedding vocabulary inference pretraining finetuning dataset benchmark hallucination reasoning memory parameter layer neuron softmax probability temperature decoder encoder".split(
    " ",
  );
const KOREAN =
  "토큰 모델 학습 데이터 추론 환각 보상 정책 확률 문맥 임베딩 어휘 신경망 파라미터 강화학습 사전학습 미세조정 시뮬레이터 트랜스포머 어텐션".split(
    " ",
  );

/** A small deterministic random source, so every run indexes the same text. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
const rand = random(42);
const pick = <T>(list: T[]): T => {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};
const sentence = (words: number) =>
  Array.from({ length: words }, () => (rand() < 0.35 ? pick(KOREAN) : pick(ENGLISH))).join(" ");

/** DateTime as Prisma's SQLite adapter stores it. */
const stored = (time: number) => new Date(time).toISOString().replace("Z", "+00:00");

function insertSyntheticData(databasePath: string) {
  const db = new Database(databasePath);
  try {
    const insert = db.prepare(
      `INSERT INTO "Note" ("id", "course", "chapter", "section", "sectionTitle", "body", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const progress = db.prepare(
      `INSERT OR REPLACE INTO "ChapterProgress" ("course", "chapter", "status", "lastVisitedAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
    );
    const start = Date.now() - NOTES * 60_000;
    db.transaction(() => {
      for (let i = 0; i < NOTES; i++) {
        const course = copyId(1 + (i % COURSES));
        const section = pick(["alpha", "beta", "gamma", null]);
        const at = stored(start + i * 60_000);
        insert.run(
          `bench-note-${i}`,
          course,
          1 + (i % CHAPTERS),
          section,
          section ? `${section.toUpperCase()} NOTES` : null,
          `${sentence(10 + (i % 40))} #${i}`,
          at,
          at,
        );
      }
      for (let c = 1; c <= COURSES; c++) {
        for (let n = 1; n <= CHAPTERS; n += 2)
          progress.run(
            copyId(c),
            n,
            pick(["studying", "done"]),
            stored(Date.now() - c * 3_600_000),
            stored(Date.now()),
          );
      }
    })();
  } finally {
    db.close();
  }
}

/** About 100 queries: index words, phrases, Korean words of 2 syllables (LIKE), misses. */
function queries(): { text: string; path: "index" | "short" }[] {
  const list: { text: string; path: "index" | "short" }[] = [];
  for (let i = 0; i < 30; i++) list.push({ text: pick(ENGLISH), path: "index" });
  for (let i = 0; i < 20; i++) list.push({ text: `${pick(ENGLISH)} ${pick(ENGLISH)}`, path: "index" });
  for (let i = 0; i < 15; i++) list.push({ text: pick(KOREAN.filter((w) => w.length >= 3)), path: "index" });
  for (let i = 0; i < 20; i++) list.push({ text: pick(KOREAN.filter((w) => w.length === 2)), path: "short" });
  for (let i = 0; i < 10; i++) list.push({ text: `#${Math.floor(rand() * NOTES)}`, path: "index" });
  for (let i = 0; i < 5; i++) list.push({ text: `zq${i}xv`, path: "index" });
  return list;
}

async function timed(url: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, body };
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? NaN)} (${sorted.length})`;
}

/** How many times each change to a sheet is made and timed. */
const CHANGE_ROUNDS = 5;

/** Time of one search right after `change` was made to the content (the index catches up first). */
async function searchAfter(baseUrl: string, change: () => void): Promise<number> {
  change();
  return (await timed(`${baseUrl}/api/search?q=${encodeURIComponent("attention")}`)).ms;
}

export async function run() {
  const contentRoot = makeLibrary(COURSES, "search");
  const databasePath = path.resolve(".cache/bench-search/study.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  const env = { CONTENT_DIR: [contentRoot, "content"].join(path.delimiter) };

  let server = await startBenchServer({ name: "bench-search", env });
  try {
    const started = performance.now();
    insertSyntheticData(server.databasePath);
    console.log(
      `setup: ${COURSES} copies of the sample course (${countSheets(contentRoot)} sheets) + the real ones, ${NOTES.toLocaleString("en")} notes inserted (and indexed by the triggers) in ${ms(performance.now() - started)}`,
    );

    const first = await timed(`${server.baseUrl}/api/search?q=token`);
    console.log(`first search on a new database (indexes every chapter once): ${ms(first.ms)}`);

    await server.stop();
    server = await startBenchServer({ name: "bench-search", env });
    const afterStart = await timed(`${server.baseUrl}/api/search?q=token`);
    console.log(
      `first search after a restart (index kept in SQLite, files only stat'ed): ${ms(afterStart.ms)} (target ≤ 200 ms)`,
    );

    const byPath: Record<"index" | "short", number[]> = { index: [], short: [] };
    const slowest: { text: string; ms: number }[] = [];
    let hits = 0;
    for (const query of queries()) {
      const result = await timed(`${server.baseUrl}/api/search?q=${encodeURIComponent(query.text)}&limit=20`);
      byPath[query.path].push(result.ms);
      slowest.push({ text: query.text, ms: result.ms });
      hits += (JSON.parse(result.body) as { results: unknown[] }).results.length;
    }
    slowest.sort((a, b) => b.ms - a.ms);
    console.log(
      `search, all queries: ${summary([...byPath.index, ...byPath.short])}, ${hits} results in all (target p95 ≤ 20 ms)`,
    );
    console.log(`search, 3+ character terms (trigram index): ${summary(byPath.index)}`);
    console.log(`search, 2-syllable Korean words (LIKE fallback): ${summary(byPath.short)}`);
    console.log(
      `slowest: ${slowest
        .slice(0, 3)
        .map((q) => `"${q.text}" ${ms(q.ms)}`)
        .join(", ")}`,
    );

    const chapterDir = path.join(
      contentRoot,
      copyId(7),
      fs.readdirSync(path.join(contentRoot, copyId(7))).find((name) => name.startsWith("08-")) ?? "",
    );
    const sheetFile = path.join(chapterDir, "sheet.mdx");
    const original = fs.readFileSync(sheetFile, "utf8");
    // Each change several times (a new word each round), the median kept: one sample is mostly noise.
    const unchanged: number[] = [];
    const after = { edited: [] as number[], removed: [] as number[], added: [] as number[] };
    for (let round = 0; round < CHANGE_ROUNDS; round++) {
      unchanged.push((await timed(`${server.baseUrl}/api/search?q=attention`)).ms);
      after.edited.push(
        await searchAfter(server.baseUrl, () =>
          fs.writeFileSync(sheetFile, original.replace("</Section>", `wombat edit ${round}\n\n</Section>`)),
        ),
      );
      after.removed.push(await searchAfter(server.baseUrl, () => fs.rmSync(sheetFile)));
      after.added.push(await searchAfter(server.baseUrl, () => fs.writeFileSync(sheetFile, original)));
    }
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
    const baseline = median(unchanged);
    const reindex = (values: number[]) => `${ms(median(values))} (re-index ${ms(median(values) - baseline)})`;
    console.log(
      `search right after one sheet changed, median of ${CHANGE_ROUNDS} (re-indexes that chapter): edited ${reindex(after.edited)}, removed ${reindex(after.removed)}, added ${reindex(after.added)}; unchanged ${ms(baseline)} (target re-index ≤ 50 ms)`,
    );

    const library: number[] = [];
    let size = 0;
    for (let i = 0; i < 25; i++) {
      const page = await timed(`${server.baseUrl}/`);
      if (i > 0) library.push(page.ms); // the first request warms the route
      size = page.body.length;
    }
    console.log(
      `library page / with ${COURSES + 2} courses: ${summary(library)}, ${(size / 1024).toFixed(0)} KB of HTML`,
    );
    const coursePage: number[] = [];
    for (let i = 0; i < 10; i++) coursePage.push((await timed(`${server.baseUrl}/courses/${copyId(1 + i)}`)).ms);
    console.log(`course pages of 10 courses (HTML; thumbnails load after): ${summary(coursePage)}`);
  } finally {
    await server.stop();
    fs.rmSync(contentRoot, { recursive: true, force: true });
  }
}
