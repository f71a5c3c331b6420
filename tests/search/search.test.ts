import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { writeContentFileAtomic } from "@/lib/content/write";
import { db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrations";
import { rebuildNoteIndex } from "@/lib/search/note-index";
import { search } from "@/lib/search/search";
import { realMigrationsDir } from "../db/helpers";

/** A small course written for these tests, and a database made by the real migrations. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-search-"));
const contentDir = path.join(dir, "content");
const chapterDir = path.join(contentDir, "mini", "01-first-steps");
const saved = { CONTENT_DIR: process.env.CONTENT_DIR, DATABASE_URL: process.env.DATABASE_URL };

const SHEET = (extra = "") => `---
chapter: 1
title: "First steps"
layout:
  - { height: 50, sections: [terms] }
  - { height: 50, sections: [flow] }
---

<Section id="terms" icon="🧠" title="KEY TERMS">

- <Term en="Document Completer">문서 완성기</Term>: 다음 토큰 예측
- Tokenization splits text ${extra}

</Section>

<Section id="flow" icon="⚡" title="PIPELINE">

\`\`\`mermaid
flowchart LR
  A["Pretraining<br>인터넷 문서"] --> B["Base model"]
\`\`\`

</Section>
`;

/** Written as the studio writes (lib/content/write), so the app sees it on the next read. */
function writeContent(extra = "") {
  fs.mkdirSync(chapterDir, { recursive: true });
  writeContentFileAtomic(
    path.join(contentDir, "mini", "course.yaml"),
    `id: mini\ntitle: "Mini course"\nauthor: "Tester"\nsource_url: "https://www.youtube.com/watch?v=abc"\nchapters:\n  - { number: 1, title: "First steps", titleKr: "첫걸음" }\n  - { number: 2, title: "Later" }\n`,
  );
  writeContentFileAtomic(path.join(chapterDir, "sheet.mdx"), SHEET(extra));
  writeContentFileAtomic(
    path.join(chapterDir, "source.md"),
    `---\ntitle: "1. First steps"\n---\n\n# Summary\n\n[0:30] the base model is an internet text token simulator\n[1:05] it dreams internet pages\n`,
  );
}

/** The content index's stored state, by SearchIndexState source. */
async function indexStates(): Promise<Map<string, { hash: string; firstRowid: number; lastRowid: number }>> {
  const rows = await db.searchIndexState.findMany({ where: { source: { startsWith: "content:" } } });
  return new Map(
    rows.map((row) => [
      row.source,
      z.object({ hash: z.string(), firstRowid: z.number(), lastRowid: z.number() }).parse(JSON.parse(row.fingerprint)),
    ]),
  );
}

async function addNote(id: string, body: string, extra: { section?: string; sectionTitle?: string } = {}) {
  await db.note.create({ data: { id, course: "mini", chapter: 1, body, ...extra } });
}

beforeAll(async () => {
  fs.mkdirSync(contentDir, { recursive: true });
  process.env.CONTENT_DIR = contentDir;
  writeContent();
  const databasePath = path.join(dir, "study.db");
  await migrateDatabase({ databasePath, migrationsDir: realMigrationsDir, backup: false });
  process.env.DATABASE_URL = `file:${databasePath}`;
});

afterAll(async () => {
  await db.$disconnect();
  Object.assign(process.env, saved);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("search over content", () => {
  it("finds an English term inside a word, on the sheet section that holds it", async () => {
    const results = await search("ompleter");
    expect(results[0]).toMatchObject({
      kind: "sheet",
      course: "mini",
      chapter: 1,
      section: "terms",
      title: "KEY TERMS",
      url: "/courses/mini/1#section-terms",
    });
    const hit = results[0];
    expect(hit?.matches.map((m) => hit.snippet.slice(m.start, m.end))).toEqual(["ompleter"]);
  });

  it("finds a two-syllable Korean word (too short for trigrams) and a diagram label", async () => {
    expect((await search("토큰")).map((r) => r.url)).toContain("/courses/mini/1#section-terms");
    expect((await search("인터넷 문서")).map((r) => r.url)).toContain("/courses/mini/1#section-flow");
    // Read from FTS5's own text table: every column lands where the virtual table has it.
    expect(await search("bA")).toContainEqual(
      expect.objectContaining({
        kind: "transcript",
        course: "mini",
        chapter: 1,
        timestamp: 30,
        url: "/courses/mini/1/source#t-30",
      }),
    );
  });

  it("finds a transcript phrase and links to its moment", async () => {
    const [hit] = await search("internet text token");
    expect(hit).toMatchObject({ kind: "transcript", timestamp: 30, url: "/courses/mini/1/source#t-30" });
    expect(hit?.snippet).toBe("the base model is an internet text token simulator");
  });

  it("finds a chapter by its title, written or not", async () => {
    expect(await search("Later")).toEqual([
      expect.objectContaining({ kind: "sheet", chapter: 2, url: "/courses/mini/2" }),
    ]);
    expect((await search("첫걸음"))[0]).toMatchObject({ chapter: 1, url: "/courses/mini/1" });
  });

  it("requires every word", async () => {
    expect(await search("tokenization dreams")).toEqual([]);
  });

  it("re-indexes only the chapter whose sheet changed", async () => {
    expect(await search("zebra")).toEqual([]);
    const before = await indexStates();
    writeContent("like a zebra");
    expect((await search("zebra")).map((r) => r.section)).toEqual(["terms"]);
    const after = await indexStates();
    expect([...after.keys()].sort()).toEqual(["content:mini/1", "content:mini/2"]);
    // Chapter 2's rows were not touched; chapter 1's were replaced by new ones.
    expect(after.get("content:mini/2")).toEqual(before.get("content:mini/2"));
    expect(after.get("content:mini/1")?.hash).not.toBe(before.get("content:mini/1")?.hash);
    expect(after.get("content:mini/1")?.firstRowid).toBeGreaterThan(
      before.get("content:mini/1")?.lastRowid ?? Infinity,
    );
  });

  it("drops a removed sheet's rows and keeps the chapter's transcript", async () => {
    // Removed outside the app: seen once the content watcher reports it.
    fs.rmSync(path.join(chapterDir, "sheet.mdx"));
    await expect.poll(() => search("ompleter"), { timeout: 5_000, interval: 20 }).toEqual([]);
    expect((await search("internet text token"))[0]).toMatchObject({ kind: "transcript" });
    const [count] = await db.$queryRawUnsafe<{ rows: number | bigint }[]>(
      `SELECT count(*) AS rows FROM "SearchContent"`,
    );
    // Chapter 1's title and 2 transcript lines, chapter 2's title.
    expect(Number(count?.rows)).toBe(4);
    writeContent();
    expect((await search("ompleter"))[0]).toMatchObject({ section: "terms" });
  });
});

describe("search over notes", () => {
  it("finds a new note, follows its edits, and forgets it when deleted", async () => {
    await addNote("note-aaaa-1", "remember the quokka example", { section: "terms", sectionTitle: "KEY TERMS" });
    const [hit] = await search("quokka");
    expect(hit).toMatchObject({
      kind: "note",
      noteId: "note-aaaa-1",
      section: "terms",
      title: "Note · KEY TERMS",
      context: "Mini course · 1. First steps",
    });
    expect(hit?.url).toBe("/courses/mini/1?note=note-aaaa-1#section-terms");

    await db.note.update({ where: { id: "note-aaaa-1" }, data: { body: "remember the wombat example" } });
    expect(await search("quokka")).toEqual([]);
    expect((await search("wombat")).map((r) => r.noteId)).toEqual(["note-aaaa-1"]);

    await db.note.update({ where: { id: "note-aaaa-1" }, data: { deletedAt: new Date() } });
    expect(await search("wombat")).toEqual([]);
    await db.note.update({ where: { id: "note-aaaa-1" }, data: { deletedAt: null } });
    expect((await search("wombat")).map((r) => r.noteId)).toEqual(["note-aaaa-1"]);

    await db.note.delete({ where: { id: "note-aaaa-1" } });
    expect(await search("wombat")).toEqual([]);
  });

  it("finds notes by a short Korean word through the LIKE fallback", async () => {
    await addNote("note-bbbb-2", "핵심: 환각은 왜 생기나");
    expect((await search("환각")).map((r) => r.noteId)).toEqual(["note-bbbb-2"]);
  });

  it("rebuilds a note index that lost its rows", async () => {
    await addNote("note-cccc-3", "capybara facts");
    await db.$executeRawUnsafe(`DELETE FROM "SearchNote"`);
    expect(await search("capybara")).toEqual([]);
    await rebuildNoteIndex();
    expect((await search("capybara")).map((r) => r.noteId)).toEqual(["note-cccc-3"]);
  });
});
