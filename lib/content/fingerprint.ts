import "server-only";
import fs from "node:fs";
import path from "node:path";
import { contentHash } from "./cache";
import type { Course, ChapterEntry } from "./course";
import { displayPath } from "./roots";
import { compileSheetSource, type SheetResult } from "./sheet";
import { parseSource, type SourceResult } from "./source";

/** The files of a chapter folder that the app reads. */
const SHEET_FILE = "sheet.mdx";
const SOURCE_FILE = "source.md";

function chapterFile(chapter: ChapterEntry, name: string): string | null {
  return chapter.dir ? path.join(chapter.dir, name) : null;
}

/**
 * Size and modification time of a chapter's files: a cheap sign (one stat a file, no reading)
 * that they may have changed, for indexes kept across restarts. Only a sign: what counts is the
 * content hash of ChapterContent.
 */
export function chapterFileStamp(chapter: ChapterEntry): string {
  return [SHEET_FILE, SOURCE_FILE]
    .map((name) => {
      const file = chapterFile(chapter, name);
      const stat = file ? fs.statSync(file, { throwIfNoEntry: false, bigint: true }) : undefined;
      return stat ? `${stat.size}:${stat.mtimeNs}` : "-";
    })
    .join(" ");
}

function readIfPresent(file: string | null): string | null {
  if (!file) return null;
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

/** A chapter's files as read in one go, their hash, and what they compile to. */
export interface ChapterContent {
  /** sha256 of sheet.mdx and source.md as read (a missing file counts as absent). */
  hash: string;
  sheet: SheetResult | null;
  source: SourceResult | null;
}

/**
 * Reads a chapter's files now, bypassing the caches, so that what is compiled is exactly what
 * was hashed (an index that stores the hash must never store text from another version).
 */
export async function readChapterContent(course: Course, chapter: ChapterEntry): Promise<ChapterContent> {
  const sheetFile = chapterFile(chapter, SHEET_FILE);
  const sourceFile = chapterFile(chapter, SOURCE_FILE);
  const sheetText = readIfPresent(sheetFile);
  const sourceText = readIfPresent(sourceFile);
  // The lengths keep the two files apart: "ab" + "c" must not hash like "a" + "bc".
  const hash = contentHash([sheetText, sourceText].map((text) => (text === null ? "-" : `${text.length}\n${text}`)).join("\n"));
  return {
    hash,
    sheet: sheetText !== null && sheetFile ? await compileSheetSource(sheetText, sheetFile, course, chapter.number) : null,
    source: sourceText !== null && sourceFile ? parseSource(sourceText, displayPath(sourceFile)) : null,
  };
}
