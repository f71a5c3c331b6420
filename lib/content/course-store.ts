import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { courseDirs, type ChapterEntry, type Course } from "./course";
import { markContentChanged } from "./changes";
import { contentRoots } from "./roots";
import { fsyncDirectory, writeContentFileAtomic } from "./write";

/**
 * Multi-file writes to content/: new courses, installed course packs, new sheets. A course is
 * written into a staging folder inside the content root and renamed into place, so a reader never
 * sees half a course; a replaced course is moved aside to `.trash/`, never deleted.
 */

/** A course's files by path inside its folder: `course.yaml`, `08-slug/sheet.mdx`, … */
export type CourseFileMap = Map<string, string>;

const STAGING_PREFIX = ".staging-";
const TRASH = ".trash";
const COURSE_FILE_NAME = /^(course\.yaml|\d{2}-[a-z0-9-]+\/(sheet\.mdx|source\.md))$/;

class CourseExistsError extends Error {
  constructor(readonly id: string) {
    super(`a course "${id}" already exists`);
    this.name = "CourseExistsError";
  }
}

/** New courses go into the first content root (CONTENT_DIR's first folder; `content/` by default). */
function newCourseRoot(): string {
  const [first] = contentRoots();
  if (first === undefined) throw new Error("no content folder is configured");
  return first;
}

/**
 * Where a course of this id is installed, read from the disk rather than the cached listing: a
 * write must not act on a folder removed or added a moment ago, before the watcher reported it.
 */
function installedCourseDir(id: string): string | undefined {
  for (const root of contentRoots()) {
    const dir = path.join(root, id);
    if (fs.existsSync(path.join(dir, "course.yaml"))) return dir;
  }
  return undefined;
}

export function courseExists(id: string): boolean {
  return installedCourseDir(id) !== undefined;
}

/** A course's own files, read back for export: course.yaml and each chapter's sheet and source. */
export function readCourseFiles(course: Course): CourseFileMap {
  const files: CourseFileMap = new Map([
    ["course.yaml", fs.readFileSync(path.join(course.dir, "course.yaml"), "utf8")],
  ]);
  for (const chapter of course.chapters) {
    if (!chapter.dir) continue;
    for (const name of ["sheet.mdx", "source.md"]) {
      const file = path.join(chapter.dir, name);
      if (fs.existsSync(file)) files.set(`${path.basename(chapter.dir)}/${name}`, fs.readFileSync(file, "utf8"));
    }
  }
  return files;
}

/** A course written to a staging folder, to be checked, then installed or discarded. */
export interface StagedCourse {
  id: string;
  /** The course folder inside the staging folder (its name is the course id, as the loader wants). */
  dir: string;
  root: string;
}

/** Stages in the root that will hold the course: the existing course's root, else newCourseRoot(). */
export function stageCourse(id: string, files: CourseFileMap): StagedCourse {
  const existing = courseDirs().get(id);
  const root = existing ? path.dirname(existing) : newCourseRoot();
  const staging = path.join(root, `${STAGING_PREFIX}${crypto.randomUUID()}`);
  const dir = path.join(staging, id);
  try {
    for (const [name, text] of files) {
      if (!COURSE_FILE_NAME.test(name)) throw new Error(`not a course file: ${name}`);
      writeContentFileAtomic(path.join(dir, name), text);
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { id, dir, root };
}

export function discardStaged(staged: StagedCourse): void {
  fs.rmSync(path.dirname(staged.dir), { recursive: true, force: true });
}

/**
 * Renames a staged course into place. `replace` moves an existing course of the same id to
 * `<root>/.trash/<id>-<time>/` first (and answers where); without it an existing id is refused.
 */
export function installStaged(
  staged: StagedCourse,
  options: { replace: boolean },
): { dir: string; keptAside?: string } {
  const existing = installedCourseDir(staged.id);
  if (existing && !options.replace) throw new CourseExistsError(staged.id);
  const target = path.join(staged.root, staged.id);
  let keptAside: string | undefined;
  try {
    if (existing) {
      keptAside = path.join(staged.root, TRASH, `${staged.id}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      fs.mkdirSync(path.dirname(keptAside), { recursive: true });
      fs.renameSync(existing, keptAside);
    }
    try {
      fs.renameSync(staged.dir, target);
    } catch (error) {
      if (keptAside && existing) fs.renameSync(keptAside, existing);
      throw error;
    }
  } finally {
    discardStaged(staged);
  }
  fsyncDirectory(staged.root);
  markContentChanged();
  return { dir: target, keptAside };
}

class SheetExistsError extends Error {
  constructor(readonly chapter: number) {
    super(`chapter ${chapter} already has a sheet`);
    this.name = "SheetExistsError";
  }
}

/** Creates a listed chapter's folder and its first sheet.mdx; an existing sheet is never overwritten. */
export function writeNewSheet(course: Course, chapter: ChapterEntry, source: string): string {
  if (chapter.hasSheet) throw new SheetExistsError(chapter.number);
  const file = path.join(chapter.dir ?? path.join(course.dir, chapter.slug), "sheet.mdx");
  if (fs.existsSync(file)) throw new SheetExistsError(chapter.number);
  writeContentFileAtomic(file, source);
  return file;
}
