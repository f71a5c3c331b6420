import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCourse, exportCoursePack, importCoursePack } from "@/lib/authoring/course-share";
import { buildPack, PACK_FORMAT } from "@/lib/authoring/course-pack";
import { createSheetFromPreset, importRequest } from "@/lib/authoring/sheet-create";
import { loadCourse } from "@/lib/content/course";
import { createNote, listNotes } from "@/lib/notes/repository";
import { restoreDatabaseUrlAfterAll, useMigratedTempDatabase } from "../db/helpers";

restoreDatabaseUrlAfterAll();
const savedContentDir = process.env.CONTENT_DIR;
let root = "";

beforeAll(() => {
  process.env.DATABASE_URL = "file:/nonexistent-until-each-test.db";
});
beforeEach(async () => {
  await useMigratedTempDatabase("share.db");
  root = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-content-"));
  process.env.CONTENT_DIR = root;
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  if (savedContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = savedContentDir;
});

const SEEDS = path.resolve("tests/fixtures/requests-raw");
const markers = Array.from({ length: 24 }, (_, i) => `${i * 2}:00 Chapter number ${i + 1}`).join("\n");
const input = {
  id: "my-lecture",
  title: "My lecture",
  author: "Someone",
  source_url: "https://www.youtube.com/watch?v=abc",
  markers,
  transcript: "[0:10] first words\n[2:05] second chapter words\n[47:00] the last one",
};

/** Every file under the content root, with its bytes, to prove a refusal changed nothing. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = entry.isFile() ? fs.readFileSync(full, "utf8") : "(dir)";
  }
  return files;
}

describe("new course, new sheet, imported request", () => {
  it("creates a course of 24 chapters with their starts and source pages, then sheets from a preset and a request", async () => {
    expect(await createCourse(input)).toEqual({ ok: true, id: "my-lecture", chapters: 24, sources: 3 });
    const loaded = loadCourse("my-lecture");
    expect(loaded?.ok && loaded.course.chapters.map((c) => [c.number, c.startSeconds, c.hasSheet])).toEqual(
      Array.from({ length: 24 }, (_, i) => [i + 1, i * 120, false]),
    );
    expect(fs.readdirSync(root)).toEqual(["my-lecture"]); // the staging folder is gone
    expect(await createCourse(input)).toMatchObject({ ok: false, status: 409 });

    expect(await createSheetFromPreset("my-lecture", 3, "classic")).toMatchObject({ ok: true, chapter: 3 });
    expect(await createSheetFromPreset("my-lecture", 3, "blank")).toMatchObject({ ok: false, status: 409 });
    expect(await createSheetFromPreset("my-lecture", 30, "blank")).toMatchObject({ ok: false, status: 404 });

    const request = fs.readFileSync(path.join(SEEDS, "002-inference.txt"), "utf8");
    const imported = await importRequest("my-lecture", request);
    expect(imported).toMatchObject({ ok: true, chapter: 6 });
    const after = loadCourse("my-lecture");
    expect(after?.ok && after.course.chapters.filter((c) => c.hasSheet).map((c) => c.number)).toEqual([3, 6]);
  });

  it("refuses bad marker lines by number and writes nothing", async () => {
    const result = await createCourse({ ...input, markers: "0:00 Intro\nnot a marker\n0:30" });
    expect(result).toMatchObject({ ok: false, status: 400, problems: [{ line: 2 }, { line: 3 }] });
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe("course packs: export and import", () => {
  async function exportedWithNotes() {
    await createCourse(input);
    await createSheetFromPreset("my-lecture", 1, "wide-middle");
    await createNote({
      id: "note-shared-1",
      course: "my-lecture",
      chapter: 1,
      section: "row-2-1",
      body: "my note",
      timestamp: 30,
    });
    const exported = await exportCoursePack("my-lecture", { withNotes: true });
    if (!exported) throw new Error("no export");
    return exported.bytes;
  }

  it("brings the same sheets and notes to a fresh database and content folder", async () => {
    const bytes = await exportedWithNotes();
    const sheet = fs.readFileSync(path.join(root, "my-lecture/01-chapter-number-1/sheet.mdx"), "utf8");
    await useMigratedTempDatabase("fresh.db");
    fs.rmSync(path.join(root, "my-lecture"), { recursive: true });

    const result = await importCoursePack(bytes, { mode: "new" });
    expect(result).toMatchObject({
      ok: true,
      course: "my-lecture",
      sheets: 1,
      notes: { imported: 1, restored: 0, updated: 0, kept: 0, orphaned: 0 },
    });
    expect(fs.readFileSync(path.join(root, "my-lecture/01-chapter-number-1/sheet.mdx"), "utf8")).toBe(sheet);
    expect((await listNotes({ course: "my-lecture" })).map((n) => [n.id, n.body, n.timestamp])).toEqual([
      ["note-shared-1", "my note", 30],
    ]);
  });

  it("never overwrites an installed course without a choice: copy under a new id, or replace keeping the old aside", async () => {
    const bytes = await exportedWithNotes();
    const before = snapshot();
    expect(await importCoursePack(bytes, { mode: "new" })).toMatchObject({
      ok: false,
      status: 409,
      existing: "my-lecture",
    });
    expect(snapshot()).toEqual(before);

    const copy = await importCoursePack(bytes, { mode: "copy", id: "my-lecture-2" });
    expect(copy).toMatchObject({ ok: true, course: "my-lecture-2", notes: { imported: 1 } });
    const copied = loadCourse("my-lecture-2");
    expect(copied?.ok && copied.course.chapters.length).toBe(24);
    expect(await listNotes({ course: "my-lecture-2" })).toHaveLength(1);

    const replaced = await importCoursePack(bytes, { mode: "replace" });
    expect(replaced.ok && replaced.keptAside).toMatch(/\.trash\/my-lecture-/);
    if (replaced.ok && replaced.keptAside)
      expect(fs.existsSync(path.join(replaced.keptAside, "course.yaml"))).toBe(true);
  });

  it("refuses a pack whose sheet holds code, naming the line, and leaves content unchanged", async () => {
    const sheet = fs.readFileSync(path.resolve("tests/fixtures/packs/code-in-sheet/sheet.mdx"), "utf8");
    const bytes = buildPack({
      manifest: {
        format: PACK_FORMAT,
        version: 1,
        course: "sneaky",
        createdAt: new Date().toISOString(),
        withNotes: false,
      },
      files: new Map([
        [
          "course.yaml",
          'id: sneaky\ntitle: "Sneaky"\nauthor: "A"\nsource_url: "https://example.com/v"\nchapters:\n  - { number: 1, title: "One" }\n',
        ],
        ["01-one/sheet.mdx", sheet],
      ]),
      notes: null,
      diagrams: null,
    });
    const before = snapshot();
    const result = await importCoursePack(bytes, { mode: "new" });
    const notes = await listNotes({ course: "sneaky" });
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      problems: [expect.stringMatching(/^course\/01-one\/sheet\.mdx:10/)],
    });
    expect(snapshot()).toEqual(before);
    expect(notes).toEqual([]);
  });
});
