import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseChapterParam } from "@/lib/content/chapter";
import { findChapter, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import type { ContentError } from "@/lib/content/errors";
import { compileSheetSource } from "@/lib/content/sheet";
import { contentRootOf, writeContentFileAtomic } from "@/lib/content/write";
import { recordSheetVersion } from "./sheet-history";

export const SHEET_FILE = "sheet.mdx";

/** Where a chapter's sheet lives: decided here from the course and chapter, never by a client. */
export interface SheetTarget {
  course: Course;
  chapter: ChapterEntry;
  file: string;
}

export type TargetLookup = { ok: true; target: SheetTarget } | { ok: false; status: 404; error: string; field: string };

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The sheet file of a listed chapter of a valid course. A chapter without a folder gets the folder
 * the course would give it (`NN-slug`), so a first save can create it.
 */
export function resolveSheetTarget(courseId: string, chapterParam: string): TargetLookup {
  const number = parseChapterParam(chapterParam);
  if (number === null)
    return { ok: false, status: 404, error: `"${chapterParam}" is not a chapter number`, field: "chapter" };
  const result = /^[a-z0-9][a-z0-9-]*$/.test(courseId) ? loadCourse(courseId) : null;
  if (!result?.ok) return { ok: false, status: 404, error: `there is no valid course "${courseId}"`, field: "course" };
  const chapter = findChapter(result.course, number);
  if (!chapter)
    return { ok: false, status: 404, error: `course "${courseId}" lists no chapter ${number}`, field: "chapter" };
  const file = path.join(chapter.dir ?? path.join(result.course.dir, chapter.slug), SHEET_FILE);
  // Belt and braces: the folder names come from the disk, but nothing outside a content root is ever touched.
  if (contentRootOf(file) === null)
    return { ok: false, status: 404, error: "the sheet is outside the content folders", field: "chapter" };
  return { ok: true, target: { course: result.course, chapter, file } };
}

export interface SheetFileState {
  /** null when the chapter has no sheet yet. */
  source: string | null;
  hash: string | null;
}

export function readSheetFile(target: SheetTarget): SheetFileState {
  if (!fs.existsSync(target.file)) return { source: null, hash: null };
  const source = fs.readFileSync(target.file, "utf8");
  return { source, hash: sha256(source) };
}

export type SaveResult =
  | { kind: "saved"; hash: string; errors: ContentError[] }
  | { kind: "conflict"; source: string | null; hash: string | null };

/**
 * Writes `source` if the file on disk is still the one the editor loaded (`baseHash`; null = "there
 * was no file"). Otherwise nothing is written and the caller gets the version on disk to merge with.
 */
export async function saveSheetFile(target: SheetTarget, source: string, baseHash: string | null): Promise<SaveResult> {
  const current = readSheetFile(target);
  if (current.hash !== baseHash) return { kind: "conflict", ...current };
  const hash = sha256(source);
  if (current.hash !== hash) {
    // The version being replaced is kept too, so the file as it was before the studio can come back.
    if (current.source !== null) recordSheetVersion(target.course.id, target.chapter.number, current.source);
    writeContentFileAtomic(target.file, source);
    recordSheetVersion(target.course.id, target.chapter.number, source);
  }
  const compiled = await compileSheetSource(source, target.file, target.course, target.chapter.number);
  return { kind: "saved", hash, errors: compiled.ok ? [] : compiled.errors };
}
