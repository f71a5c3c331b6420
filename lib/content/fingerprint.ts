import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { courseDirs, type ChapterEntry } from "./course";
import { sheetPath } from "./sheet";
import { chapterNumberOfFolder } from "./slug";

/** The files of a chapter folder that the app reads. */
const CHAPTER_FILES = ["sheet.mdx", "source.md"];

function statLine(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${file}\t${stat.size}\t${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Every course file the app reads (course.yaml, sheet.mdx, source.md) with its size and time, and every chapter folder. */
function contentFileLines(): string[] {
  const lines: string[] = [];
  for (const dir of courseDirs().values()) {
    lines.push(statLine(path.join(dir, "course.yaml")) ?? "");
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || chapterNumberOfFolder(entry.name) === null) continue;
      // The folder itself counts (an empty or misnamed chapter folder is a content error).
      lines.push(path.join(dir, entry.name));
      for (const name of CHAPTER_FILES) {
        const line = statLine(path.join(dir, entry.name, name));
        if (line) lines.push(line);
      }
    }
  }
  return lines.sort();
}

/**
 * A short hash that changes whenever a course file or chapter folder is added, removed or
 * edited: what loadAllCourses() and the search index are made from. Reads file metadata only
 * (about 4 ms for 50 courses), so it is cheap enough to check on every request.
 */
export function contentFingerprint(): string {
  return createHash("sha256").update(contentFileLines().join("\n")).digest("hex").slice(0, 32);
}

/** Size and time of a chapter's sheet.mdx, or null when it has none: changes whenever it is edited. */
export function sheetFileStamp(chapter: ChapterEntry): string | null {
  const file = sheetPath(chapter);
  if (!file) return null;
  const stat = fs.statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}
