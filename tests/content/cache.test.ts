import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentCache, contentHash } from "@/lib/content/cache";
import { contentVersion, markContentChanged } from "@/lib/content/changes";
import { writeContentFileAtomic } from "@/lib/content/write";
import { findChapter, loadCourse } from "@/lib/content/course";
import { loadSheet } from "@/lib/content/sheet";
import { oneSectionSheet } from "./sheet-source";

describe("ContentCache", () => {
  it("makes a value once per content, again when the content changes, one entry per key", () => {
    const cache = new ContentCache<string>();
    let made = 0;
    const get = (key: string, content: string) => {
      // Each get stands for a moment after some file changed: the cache must compare contents.
      markContentChanged();
      return cache.get(key, () => ({ content }), (read) => `${read.content}#${++made}`);
    };
    expect(get("a.mdx", "one")).toBe("one#1");
    expect(get("a.mdx", "one")).toBe("one#1");
    expect(get("a.mdx", "two")).toBe("two#2");
    expect(get("a.mdx", "one")).toBe("one#3");
    expect(get("b.mdx", "one")).toBe("one#4");
    expect(cache.size).toBe(2);
    cache.delete("a.mdx");
    expect(cache.size).toBe(1);
  });

  it("does not read at all while the content version stays the same", () => {
    const cache = new ContentCache<string>();
    let reads = 0;
    const read = () => ({ content: `read ${++reads}` });
    markContentChanged();
    expect(cache.get("a.mdx", read, (r) => r.content)).toBe("read 1");
    expect(cache.get("a.mdx", read, (r) => r.content)).toBe("read 1");
    expect(reads).toBe(contentVersion() === null ? 2 : 1);
    markContentChanged();
    expect(cache.get("a.mdx", read, (r) => r.content)).toBe("read 2");
  });

  it("hashes like the studio's sha256 hex", () => {
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

/** A course written for this test: what lib/content serves must follow the files at once. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-cache-"));
const courseDir = path.join(root, "mini");
const saved = process.env.CONTENT_DIR;

const sheet = (title: string) => oneSectionSheet("text", title);

beforeAll(() => {
  fs.mkdirSync(courseDir, { recursive: true });
  fs.writeFileSync(
    path.join(courseDir, "course.yaml"),
    `id: mini\ntitle: "Mini"\nauthor: "Tester"\nsource_url: "https://www.youtube.com/watch?v=abc"\nchapters:\n  - { number: 1, title: "One" }\n`,
  );
  process.env.CONTENT_DIR = root;
});

afterAll(() => {
  process.env.CONTENT_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

async function currentTitle(): Promise<string | null> {
  const result = loadCourse("mini");
  if (!result?.ok) throw new Error("the test course did not load");
  const chapter = findChapter(result.course, 1);
  const compiled = chapter ? await loadSheet(result.course, chapter) : null;
  if (compiled && !compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("; "));
  return compiled ? compiled.sheet.title : null;
}

describe("lib/content caches by content", () => {
  it("watches the content folders: a change made outside the app is seen without a restart", async () => {
    expect(contentVersion()).not.toBeNull();
    expect(await currentTitle()).toBeNull();
    const folder = path.join(courseDir, "01-one");
    fs.mkdirSync(folder);
    const file = path.join(folder, "sheet.mdx");
    fs.writeFileSync(file, sheet("First"));
    // The watcher's event arrives within milliseconds (a browser's next request comes later).
    await expect.poll(currentTitle, { timeout: 5_000, interval: 20 }).toBe("First");
    const { mtime } = fs.statSync(file);
    // Same size, same modification time: only the content tells the versions apart.
    fs.writeFileSync(file, sheet("Fir5t"));
    fs.utimesSync(file, mtime, mtime);
    await expect.poll(currentTitle, { timeout: 5_000, interval: 20 }).toBe("Fir5t");
    fs.rmSync(file);
    await expect.poll(currentTitle, { timeout: 5_000, interval: 20 }).toBeNull();
  });

  it("sees a sheet written through lib/content/write on the very next read", async () => {
    const file = path.join(courseDir, "01-one", "sheet.mdx");
    writeContentFileAtomic(file, sheet("Saved"));
    expect(await currentTitle()).toBe("Saved");
    writeContentFileAtomic(file, sheet("Saved again"));
    expect(await currentTitle()).toBe("Saved again");
  });

  it("a write into a watched chapter folder changes that chapter and its course only", () => {
    const other = path.join(root, "other", "01-elsewhere");
    fs.mkdirSync(other, { recursive: true });
    markContentChanged(); // a new folder: watched from now on
    const chapterFolder = path.join(courseDir, "01-one");
    const before = { chapter: contentVersion(chapterFolder), course: contentVersion(courseDir), other: contentVersion(other) };
    writeContentFileAtomic(path.join(chapterFolder, "sheet.mdx"), sheet("Only here"));
    expect(contentVersion(chapterFolder)).toBeGreaterThan(before.chapter ?? Infinity);
    expect(contentVersion(courseDir)).toBeGreaterThan(before.course ?? Infinity);
    // No watcher event can have arrived yet (they come on a later tick): the other course is untouched.
    expect(contentVersion(other)).toBe(before.other);
  });

  it("returns the same compiled sheet while the file is unchanged", async () => {
    const folder = path.join(courseDir, "01-one");
    fs.writeFileSync(path.join(folder, "sheet.mdx"), sheet("Kept"));
    const result = loadCourse("mini");
    if (!result?.ok) throw new Error("the test course did not load");
    const chapter = findChapter(result.course, 1);
    if (!chapter) throw new Error("chapter 1 is missing");
    expect(loadSheet(result.course, chapter)).toBe(loadSheet(result.course, chapter));
    expect(loadCourse("mini")).toBe(result);
  });
});
