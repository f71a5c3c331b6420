import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSheetFile, resolveSheetTarget, saveSheetFile, sha256, type SheetTarget } from "@/lib/studio/sheet-files";
import { listSheetVersions, readSheetVersion } from "@/lib/studio/sheet-history";

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

function target(chapter: string): SheetTarget {
  const lookup = resolveSheetTarget("layout-lab", chapter);
  if (!lookup.ok) throw new Error(lookup.error);
  return lookup.target;
}

describe("resolveSheetTarget", () => {
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
      const lookup = resolveSheetTarget(course, chapter);
      expect(lookup.ok, `${course}/${chapter}`).toBe(false);
    }
    expect(attempts).toHaveLength(6);
  });
});

describe("saveSheetFile", () => {
  it("saves when the base hash is the file on disk, and keeps both versions", async () => {
    const sheet = target("1");
    const before = readSheetFile(sheet);
    const edited = `${before.source}\n`;
    const result = await saveSheetFile(sheet, edited, before.hash);
    expect(result).toEqual({ kind: "saved", hash: sha256(edited), errors: [] });
    expect(fs.readFileSync(sheet.file, "utf8")).toBe(edited);
    const versions = listSheetVersions("layout-lab", 1);
    expect(versions).toHaveLength(2);
    const [newest, previous] = versions;
    if (!newest || !previous) throw new Error("expected two versions of the sheet");
    expect(readSheetVersion("layout-lab", 1, newest.id)).toBe(edited);
    expect(readSheetVersion("layout-lab", 1, previous.id)).toBe(before.source);
  });

  it("refuses a stale base hash with the version on disk, writing nothing", async () => {
    const sheet = target("1");
    const before = readSheetFile(sheet);
    fs.writeFileSync(sheet.file, "changed behind the studio");
    const result = await saveSheetFile(sheet, "mine", before.hash);
    expect(result).toEqual({
      kind: "conflict",
      source: "changed behind the studio",
      hash: sha256("changed behind the studio"),
    });
    expect(fs.readFileSync(sheet.file, "utf8")).toBe("changed behind the studio");
    expect(listSheetVersions("layout-lab", 1)).toEqual([]);
  });

  it("creates the folder of a listed chapter without a sheet when baseHash is null, and reports content errors", async () => {
    const sheet = target("7");
    expect(readSheetFile(sheet)).toEqual({ source: null, hash: null });
    const result = await saveSheetFile(sheet, "no frontmatter", null);
    expect(result.kind).toBe("saved");
    if (result.kind === "saved") expect(result.errors[0]?.message).toMatch(/frontmatter/);
    expect(fs.readFileSync(path.join(root, "content", "layout-lab", "07-never-written", "sheet.mdx"), "utf8")).toBe(
      "no frontmatter",
    );
    expect(await saveSheetFile(sheet, "again", null)).toMatchObject({ kind: "conflict" });
  });

  it("refuses ids that are not version names", () => {
    expect(readSheetVersion("layout-lab", 1, "../../etc/passwd")).toBeNull();
  });
});
