import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseChapterParam } from "@/lib/content/chapter";
import {
  checkCourseYaml,
  COURSE_FILE,
  courseDirs,
  findChapter,
  loadCourse,
  type ChapterEntry,
  type Course,
} from "@/lib/content/course";
import type { ContentError } from "@/lib/content/errors";
import { compileSheetSource } from "@/lib/content/sheet";
import { parseSource } from "@/lib/content/source";
import { displayPath } from "@/lib/content/roots";
import { contentRootOf, writeContentFileAtomic } from "@/lib/content/write";
import { recordVersion, type HistorySlot } from "./file-history";
import type { StudioFileKind } from "./schemas";

const FILE_NAMES = { sheet: "sheet.mdx", source: "source.md", course: COURSE_FILE } as const;
const HISTORY_EXT = { sheet: ".mdx", source: ".md", course: ".yaml" } as const;

/** A chapter file (sheet, source) of a valid course. */
export interface ChapterTarget {
  kind: "sheet" | "source";
  course: Course;
  chapter: ChapterEntry;
  file: string;
}
/** course.yaml of a course folder, valid or not (the editor is where a broken one gets fixed). */
export interface CourseTarget {
  kind: "course";
  courseId: string;
  dir: string;
  file: string;
}
/** Where a file lives: decided here from the route's course and chapter, never by a client. */
export type StudioTarget = ChapterTarget | CourseTarget;

export type TargetLookup<T extends StudioTarget = StudioTarget> =
  { ok: true; target: T } | { ok: false; status: 404; error: string; field: string };

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const COURSE_ID = /^[a-z0-9][a-z0-9-]*$/;

function notFound(error: string, field: string): { ok: false; status: 404; error: string; field: string } {
  return { ok: false, status: 404, error, field };
}

function insideContent<T extends StudioTarget>(target: T): TargetLookup<T> {
  // Belt and braces: the folder names come from the disk, but nothing outside a content root is ever touched.
  return contentRootOf(target.file) === null
    ? notFound("the file is outside the content folders", "chapter")
    : { ok: true, target };
}

/**
 * A chapter's sheet or source page, of a listed chapter of a valid course. A chapter without a
 * folder gets the folder the course would give it (`NN-slug`), so a first save can create it.
 */
export function resolveChapterTarget(
  kind: "sheet" | "source",
  courseId: string,
  chapterParam: string,
): TargetLookup<ChapterTarget> {
  const number = parseChapterParam(chapterParam);
  if (number === null) return notFound(`"${chapterParam}" is not a chapter number`, "chapter");
  const result = COURSE_ID.test(courseId) ? loadCourse(courseId) : null;
  if (!result?.ok) return notFound(`there is no valid course "${courseId}"`, "course");
  const chapter = findChapter(result.course, number);
  if (!chapter) return notFound(`course "${courseId}" lists no chapter ${number}`, "chapter");
  const file = path.join(chapter.dir ?? path.join(result.course.dir, chapter.slug), FILE_NAMES[kind]);
  return insideContent({ kind, course: result.course, chapter, file });
}

/** course.yaml of an existing course folder. */
export function resolveCourseTarget(courseId: string): TargetLookup<CourseTarget> {
  const dir = COURSE_ID.test(courseId) ? courseDirs().get(courseId) : undefined;
  if (!dir) return notFound(`there is no course "${courseId}"`, "course");
  return insideContent({ kind: "course", courseId, dir, file: path.join(dir, COURSE_FILE) });
}

export function resolveStudioTarget(kind: StudioFileKind, courseId: string, chapterParam: string): TargetLookup {
  return kind === "course" ? resolveCourseTarget(courseId) : resolveChapterTarget(kind, courseId, chapterParam);
}

export function historySlot(target: StudioTarget): HistorySlot {
  return target.kind === "course"
    ? { course: target.courseId, folder: "course", ext: HISTORY_EXT.course }
    : {
        course: target.course.id,
        folder: String(target.chapter.number).padStart(2, "0"),
        ext: HISTORY_EXT[target.kind],
      };
}

export interface StudioFileState {
  /** null when the file does not exist yet. */
  source: string | null;
  hash: string | null;
}

export function readStudioFile(target: StudioTarget): StudioFileState {
  if (!fs.existsSync(target.file)) return { source: null, hash: null };
  const source = fs.readFileSync(target.file, "utf8");
  return { source, hash: sha256(source) };
}

/** What is wrong with text for this file, checked as the app will read it once saved. */
async function checkStudioText(target: StudioTarget, source: string): Promise<ContentError[]> {
  if (target.kind === "course") {
    const result = checkCourseYaml(target.dir, source);
    return result.ok ? [] : result.errors;
  }
  if (target.kind === "source") {
    const result = parseSource(source, displayPath(target.file));
    return result.ok ? [] : result.errors;
  }
  const compiled = await compileSheetSource(source, target.file, target.course, target.chapter.number);
  return compiled.ok ? [] : compiled.errors;
}

export type SaveResult =
  | { kind: "saved"; hash: string; errors: ContentError[] }
  | { kind: "conflict"; source: string | null; hash: string | null };

/**
 * Writes `source` if the file on disk is still the one the editor loaded (`baseHash`; null = "there
 * was no file"). Otherwise nothing is written and the caller gets the version on disk to merge with.
 */
export async function saveStudioFile(
  target: StudioTarget,
  source: string,
  baseHash: string | null,
): Promise<SaveResult> {
  const current = readStudioFile(target);
  if (current.hash !== baseHash) return { kind: "conflict", ...current };
  const hash = sha256(source);
  if (current.hash !== hash) {
    const slot = historySlot(target);
    // The version being replaced is kept too, so the file as it was before the studio can come back.
    if (current.source !== null) recordVersion(slot, current.source);
    writeContentFileAtomic(target.file, source);
    recordVersion(slot, source);
  }
  return { kind: "saved", hash, errors: await checkStudioText(target, source) };
}

/** The pages that show this file, to render again after a save. */
export function pagesShowing(target: StudioTarget): string[] {
  if (target.kind === "course") return ["/", `/courses/${target.courseId}`];
  const base = `/courses/${target.course.id}/${target.chapter.number}`;
  return target.kind === "source" ? [`${base}/source`] : [base, `${base}/print`, `/courses/${target.course.id}`];
}
