import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentRootOf, OutsideContentRootError, writeContentFileAtomic } from "@/lib/content/write";

let root: string;
const savedContentDir = process.env.CONTENT_DIR;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "content-write-"));
  process.env.CONTENT_DIR = root;
});

afterEach(() => {
  process.env.CONTENT_DIR = savedContentDir;
  fs.rmSync(root, { recursive: true, force: true });
});

describe("writeContentFileAtomic", () => {
  it("writes a new file, creating its folders, and leaves no temporary file", () => {
    const target = path.join(root, "course", "01-intro", "sheet.mdx");
    writeContentFileAtomic(target, "hello");
    expect(fs.readFileSync(target, "utf8")).toBe("hello");
    expect(fs.readdirSync(path.dirname(target))).toEqual(["sheet.mdx"]);
  });

  it("replaces an existing file whole", () => {
    const target = path.join(root, "course.yaml");
    fs.writeFileSync(target, "old");
    writeContentFileAtomic(target, "new");
    expect(fs.readFileSync(target, "utf8")).toBe("new");
  });

  it("refuses paths outside the content roots, including .. escapes", () => {
    const outside = path.join(root, "..", `escape-${process.pid}.txt`);
    expect(() => writeContentFileAtomic(outside, "x")).toThrow(OutsideContentRootError);
    expect(fs.existsSync(outside)).toBe(false);
    expect(() => writeContentFileAtomic(root, "x")).toThrow(OutsideContentRootError);
  });

  it("names the root that holds a path", () => {
    expect(contentRootOf(path.join(root, "a", "b"))).toBe(root);
    expect(contentRootOf(os.tmpdir())).toBeNull();
  });
});
