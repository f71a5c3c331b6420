import fs from "node:fs";
import path from "node:path";
import { contentHash } from "./cache";
import type { ChapterEntry } from "./course";

/** The files of a chapter folder that the app reads. */
const CHAPTER_FILES = ["sheet.mdx", "source.md"] as const;

function chapterFiles(chapter: ChapterEntry): string[] {
  return chapter.dir ? CHAPTER_FILES.map((name) => path.join(chapter.dir ?? "", name)) : [];
}

/**
 * Size and modification time of a chapter's files: a cheap sign (one stat a file, no reading)
 * that they may have changed. Used only to skip reading files whose content hash is already known;
 * what counts is chapterContentHash.
 */
export function chapterFileStamp(chapter: ChapterEntry): string {
  return chapterFiles(chapter)
    .map((file) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false, bigint: true });
      return stat ? `${stat.size}:${stat.mtimeNs}` : "-";
    })
    .join(" ");
}

/** sha256 of a chapter's sheet.mdx and source.md as they are now (a missing file counts as absent). */
export function chapterContentHash(chapter: ChapterEntry): string {
  const parts = chapterFiles(chapter).map((file) => {
    try {
      const text = fs.readFileSync(file, "utf8");
      // The length keeps the two files apart: "ab" + "c" must not hash like "a" + "bc".
      return `${text.length}\n${text}`;
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") return "-";
      throw error;
    }
  });
  return contentHash(parts.join("\n"));
}
