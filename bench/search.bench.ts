import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ms, percentile, startBenchServer } from "./server";

/**
 * Search and library at scale: the real course plus 50 synthetic courses and 100,000 synthetic
 * notes. Prints search p50/p95 (index path and short-word LIKE path), the first search after a
 * start (content index build), and the library page's response time.
 */

const COURSES = 50;
const CHAPTERS = 12;
const WRITTEN = 4;
const NOTES = 100_000;

const ENGLISH = "token model base assistant attention transformer gradient descent loss reward policy sampling context window embedding vocabulary inference pretraining finetuning dataset benchmark hallucination reasoning memory parameter layer neuron softmax probability temperature decoder encoder".split(" ");
const KOREAN = "토큰 모델 학습 데이터 추론 환각 보상 정책 확률 문맥 임베딩 어휘 신경망 파라미터 강화학습 사전학습 미세조정 시뮬레이터 트랜스포머 어텐션".split(" ");

/** A small deterministic random source, so every run indexes the same text. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
const rand = random(42);
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
const sentence = (words: number) => Array.from({ length: words }, () => (rand() < 0.35 ? pick(KOREAN) : pick(ENGLISH))).join(" ");

function sheet(chapter: number): string {
  const section = (id: string) => `<Section id="${id}" icon="🧠" title="${id.toUpperCase()} NOTES">

- <Term en="${pick(ENGLISH)} ${pick(ENGLISH)}">${pick(KOREAN)} ${pick(KOREAN)}</Term>: ${sentence(8)}
- ${sentence(10)}
- ${sentence(9)}

</Section>
`;
  return `---
chapter: ${chapter}
title: "Synthetic chapter ${chapter}"
layout:
  - { height: 10, sections: [title] }
  - { height: 45, sections: [alpha, beta] }
  - { height: 45, sections: [gamma] }
---

${section("alpha")}
${section("beta")}
${section("gamma")}`;
}

function writeSyntheticCourses(root: string) {
  fs.rmSync(root, { recursive: true, force: true });
  for (let c = 1; c <= COURSES; c++) {
    const id = `synthetic-${String(c).padStart(2, "0")}`;
    const dir = path.join(root, id);
    const chapters = Array.from({ length: CHAPTERS }, (_, i) => `  - { number: ${i + 1}, title: "Synthetic chapter ${i + 1}", titleKr: "합성 챕터 ${i + 1}" }`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "course.yaml"), `id: ${id}\ntitle: "Synthetic course ${c}"\ntitleKr: "합성 강의 ${c}"\nauthor: "Bench"\nsource_url: "https://www.youtube.com/watch?v=bench${c}"\nchapters:\n${chapters.join("\n")}\n`);
    for (let n = 1; n <= WRITTEN; n++) {
      const chapterDir = path.join(dir, `${String(n).padStart(2, "0")}-synthetic-chapter-${n}`);
      fs.mkdirSync(chapterDir);
      fs.writeFileSync(path.join(chapterDir, "sheet.mdx"), sheet(n));
      if (n === 1) {
        const lines = Array.from({ length: 30 }, (_, i) => `[${Math.floor(i / 2)}:${i % 2 ? "30" : "00"}] ${sentence(40)}`);
        fs.writeFileSync(path.join(chapterDir, "source.md"), `---\ntitle: "1. Synthetic chapter 1"\n---\n\n# Summary\n\n${sentence(30)}\n\n${lines.join("\n\n")}\n`);
      }
    }
  }
}

/** DateTime as Prisma's SQLite adapter stores it. */
const stored = (time: number) => new Date(time).toISOString().replace("Z", "+00:00");

function insertSyntheticData(databasePath: string) {
  const db = new Database(databasePath);
  try {
    const insert = db.prepare(`INSERT INTO "Note" ("id", "course", "chapter", "section", "sectionTitle", "body", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const progress = db.prepare(`INSERT OR REPLACE INTO "ChapterProgress" ("course", "chapter", "status", "lastVisitedAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`);
    const start = Date.now() - NOTES * 60_000;
    db.transaction(() => {
      for (let i = 0; i < NOTES; i++) {
        const course = `synthetic-${String(1 + (i % COURSES)).padStart(2, "0")}`;
        const section = pick(["alpha", "beta", "gamma", null]);
        const at = stored(start + i * 60_000);
        insert.run(`bench-note-${i}`, course, 1 + (i % WRITTEN), section, section ? `${section.toUpperCase()} NOTES` : null, `${sentence(10 + (i % 40))} #${i}`, at, at);
      }
      for (let c = 1; c <= COURSES; c++) {
        for (let n = 1; n <= CHAPTERS; n += 2) progress.run(`synthetic-${String(c).padStart(2, "0")}`, n, pick(["studying", "done"]), stored(Date.now() - c * 3_600_000), stored(Date.now()));
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
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1])} (${sorted.length})`;
}

export async function run() {
  const contentRoot = path.join(os.tmpdir(), "study-sheets-bench-courses");
  writeSyntheticCourses(contentRoot);
  const databasePath = path.resolve(".cache/bench-search/study.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });

  const server = await startBenchServer({ name: "bench-search", env: { CONTENT_DIR: [contentRoot, "content"].join(path.delimiter) } });
  try {
    let started = performance.now();
    insertSyntheticData(server.databasePath);
    console.log(`setup: ${COURSES} synthetic courses + the real ones, ${NOTES.toLocaleString("en")} notes inserted (and indexed by the triggers) in ${ms(performance.now() - started)}`);

    const first = await timed(`${server.baseUrl}/api/search?q=token`);
    console.log(`first search after start (builds the content index, checks the note index): ${ms(first.ms)}`);

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
    console.log(`search, all queries: ${summary([...byPath.index, ...byPath.short])}, ${hits} results in all`);
    console.log(`search, 3+ character terms (trigram index): ${summary(byPath.index)}`);
    console.log(`search, 2-syllable Korean words (LIKE fallback): ${summary(byPath.short)}`);
    console.log(`slowest: ${slowest.slice(0, 3).map((q) => `"${q.text}" ${ms(q.ms)}`).join(", ")}`);

    const library: number[] = [];
    let size = 0;
    for (let i = 0; i < 25; i++) {
      const page = await timed(`${server.baseUrl}/`);
      if (i > 0) library.push(page.ms); // the first request warms the route
      size = page.body.length;
    }
    console.log(`library page / with ${COURSES + 2}+ courses: ${summary(library)}, ${(size / 1024).toFixed(0)} KB of HTML`);
    const coursePage: number[] = [];
    for (let i = 0; i < 10; i++) coursePage.push((await timed(`${server.baseUrl}/courses/synthetic-${String(1 + i).padStart(2, "0")}`)).ms);
    console.log(`course pages of 10 synthetic courses (HTML; thumbnails load after): ${summary(coursePage)}`);
  } finally {
    await server.stop();
    fs.rmSync(contentRoot, { recursive: true, force: true });
  }
}
