import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listVersions, readVersion } from "@/lib/studio/file-history";
import * as files from "@/lib/studio/studio-files";

const { readStudioFile, resolveChapterTarget, resolveCourseTarget, saveStudioFile, sha256 } = files;
const SHEET_SLOT = { course: "layout-lab", folder: "01", ext: ".mdx" } as const;

let root: string;
const saved = { content: process.env.CONTENT_DIR, history: process.env.SHEET_HISTORY_DIR };

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "studio-files-"));
  fs.cpSync(path.resolve("tests/fixtures/content/layout-lab"), path.join(root, "content", "layout-lab"), {
    recursive: true,
  });
  process.env.CONTENT_DIR = path.join(root, "content");
  process.env.SHEET_HISTORY_DIR = path.join(root, "history");
});

afterEach(() => {
  process.env.CONTENT_DIR = saved.content;
  process.env.SHEET_HISTORY_DIR = saved.history;
  fs.rmSync(root, { recursive: true, force: true });
});

function target(chapter: string, kind: "sheet" | "source" = "sheet"): files.ChapterTarget {
  const lookup = resolveChapterTarget(kind, "layout-lab", chapter);
  if (!lookup.ok) throw new Error(lookup.error);
  return lookup.target;
}

describe("resolveChapterTarget", () => {
  it("finds the chapter's sheet inside the content root", () => {
    expect(target("1").file).toBe(path.join(root, "content", "layout-lab", "01-one-row", "sheet.mdx"));
  });

  it("refuses traversal, unknown courses and unlisted chapters with 404", () => {
    const attempts: [string, string][] = [
      ["..", "1"],
      ["../etc", "1"],
      ["layout-lab", "../1"],
      ["layout-lab", "99"],
      ["nope", "1"],
      ["layout-lab", "1%2F.."],
    ];
    for (const [course, chapter] of attempts) {
      const lookup = resolveChapterTarget("sheet", course, chapter);
      expect(lookup.ok, `${course}/${chapter}`).toBe(false);
    }
    expect(attempts).toHaveLength(6);
  });
});

describe("saveStudioFile", () => {
  it("saves when the base hash is the file on disk, and keeps both versions", async () => {
    const sheet = target("1");
    const before = readStudioFile(sheet);
    const edited = `${before.source}\n`;
    const result = await saveStudioFile(sheet, edited, before.hash);
    expect(result).toEqual({ kind: "saved", hash: sha256(edited), errors: [] });
    expect(fs.readFileSync(sheet.file, "utf8")).toBe(edited);
    const versions = listVersions(SHEET_SLOT);
    expect(versions).toHaveLength(2);
    const [newest, previous] = versions;
    if (!newest || !previous) throw new Error("expected two versions of the sheet");
    expect(readVersion(SHEET_SLOT, newest.id)).toBe(edited);
    expect(readVersion(SHEET_SLOT, previous.id)).toBe(before.source);
  });

  it("refuses a stale base hash with the version on disk, writing nothing", async () => {
    const sheet = target("1");
    const before = readStudioFile(sheet);
    fs.writeFileSync(sheet.file, "changed behind the studio");
    const result = await saveStudioFile(sheet, "mine", before.hash);
    expect(result).toEqual({
      kind: "conflict",
      source: "changed behind the studio",
      hash: sha256("changed behind the studio"),
    });
    expect(fs.readFileSync(sheet.file, "utf8")).toBe("changed behind the studio");
    expect(listVersions(SHEET_SLOT)).toEqual([]);
  });

  it("creates the folder of a listed chapter without a sheet when baseHash is null, and reports content errors", async () => {
    const sheet = target("7");
    expect(readStudioFile(sheet)).toEqual({ source: null, hash: null });
    const result = await saveStudioFile(sheet, "no frontmatter", null);
    expect(result.kind).toBe("saved");
    if (result.kind === "saved") expect(result.errors[0]?.message).toMatch(/frontmatter/);
    expect(fs.readFileSync(path.join(root, "content", "layout-lab", "07-never-written", "sheet.mdx"), "utf8")).toBe(
      "no frontmatter",
    );
    expect(await saveStudioFile(sheet, "again", null)).toMatchObject({ kind: "conflict" });
  });

  it("refuses ids that are not version names", () => {
    expect(readVersion(SHEET_SLOT, "../../etc/passwd")).toBeNull();
  });
});

describe("source.md and course.yaml", () => {
  it("saves a chapter's source page with its own history and reports its errors", async () => {
    const source = target("1", "source");
    expect(source.file).toBe(path.join(root, "content", "layout-lab", "01-one-row", "source.md"));
    const before = readStudioFile(source);
    const result = await saveStudioFile(source, "no frontmatter", before.hash);
    expect(result.kind).toBe("saved");
    if (result.kind === "saved") expect(result.errors[0]?.message).toMatch(/frontmatter/);
    const slot = files.historySlot(source);
    expect(slot).toEqual({ course: "layout-lab", folder: "01", ext: ".md" });
    expect(listVersions(slot).length).toBeGreaterThanOrEqual(1);
    expect(listVersions(SHEET_SLOT)).toEqual([]);
  });

  it("opens a broken course.yaml too, checks it with the course schema and refuses a stale hash", async () => {
    const lookup = resolveCourseTarget("layout-lab");
    if (!lookup.ok) throw new Error(lookup.error);
    const course = lookup.target;
    const before = readStudioFile(course);
    const broken = (before.source ?? "").replace(/^title: .*$/m, "title: 5");
    const saved = await saveStudioFile(course, broken, before.hash);
    expect(saved.kind === "saved" && saved.errors.map((e) => e.field)).toEqual(["title"]);
    expect(resolveCourseTarget("layout-lab").ok).toBe(true);
    expect(await saveStudioFile(course, "x", before.hash)).toMatchObject({ kind: "conflict", source: broken });
    expect(resolveCourseTarget("../layout-lab").ok).toBe(false);
    expect(files.pagesShowing(course)).toEqual(["/", "/courses/layout-lab"]);
  });
});
