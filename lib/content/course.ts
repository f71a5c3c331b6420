import fs from "node:fs";
import path from "node:path";
import { CACHES_PER_PROCESS, ContentCache } from "./cache";
import { type ContentError } from "./errors";
import { errorAt, parsePositionedYaml, zodErrors } from "./frontmatter";
import { contentRoots, displayPath } from "./roots";
import { courseSchema } from "./schemas";
import { chapterFolderName, chapterNumberOfFolder } from "./slug";
import { parseTimestamp } from "./timestamps";

export interface ChapterEntry {
  number: number;
  title: string;
  titleKr?: string;
  /** Start in the video, in seconds, where the course gives it. */
  startSeconds?: number;
  /** Folder name, e.g. "08-llama-3-1-base-model-inference" (a derived one when not written yet). */
  slug: string;
  /** Absolute path of the chapter folder, or null when the chapter is not written yet. */
  dir: string | null;
  hasSheet: boolean;
  hasSource: boolean;
}

export interface Course {
  id: string;
  title: string;
  titleKr?: string;
  author: string;
  sourceUrl: string;
  description?: string;
  dir: string;
  chapters: ChapterEntry[];
}

export type CourseResult = { ok: true; course: Course } | { ok: false; id: string; dir: string; errors: ContentError[] };

export const COURSE_FILE = "course.yaml";

const courseCaches = (() => {
  const make = () => ({ dirs: new ContentCache<Map<string, string>>(), courses: new ContentCache<CourseResult>() });
  const processWide = globalThis as typeof globalThis & { studySheetsCourseCaches?: ReturnType<typeof make> };
  return CACHES_PER_PROCESS ? (processWide.studySheetsCourseCaches ??= make()) : make();
})();
const courseDirCache = courseCaches.dirs;

/** Every course folder (one with a course.yaml) in every content root, by folder name. */
export function courseDirs(): Map<string, string> {
  return courseDirCache.get(
    contentRoots().join("\n"),
    () => {
      const dirs = scanCourseDirs();
      return { content: JSON.stringify([...dirs]), dirs };
    },
    ({ dirs }) => dirs,
  );
}

function scanCourseDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const root of contentRoots()) {
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
      const dir = path.join(root, entry.name);
      if (entry.isDirectory() && fs.existsSync(path.join(dir, COURSE_FILE)) && !dirs.has(entry.name)) {
        dirs.set(entry.name, dir);
      }
    }
  }
  return dirs;
}

/** A chapter folder of a course as found on disk: its name and which of the chapter files it holds. */
interface ChapterFolder {
  name: string;
  number: number;
  hasSheet: boolean;
  hasSource: boolean;
}

function scanChapterFolders(courseDir: string): ChapterFolder[] {
  const folders: ChapterFolder[] = [];
  for (const entry of fs.readdirSync(courseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const number = chapterNumberOfFolder(entry.name);
    if (number === null) continue;
    const folder = path.join(courseDir, entry.name);
    const hasSheet = fs.existsSync(path.join(folder, "sheet.mdx"));
    folders.push({ name: entry.name, number, hasSheet, hasSource: fs.existsSync(path.join(folder, "source.md")) });
  }
  return folders.sort((a, b) => a.name.localeCompare(b.name));
}

/** Courses by folder, made again only when course.yaml or the chapter folders changed. */
const courseCache = courseCaches.courses;

/**
 * A course from its folder: course.yaml and the chapter folders are read again whenever the
 * content may have changed (see ContentCache), and parsed again only when they did.
 */
export function loadCourseFromDir(dir: string): CourseResult {
  return courseCache.get(
    dir,
    () => {
      const yaml = fs.readFileSync(path.join(dir, COURSE_FILE), "utf8");
      const folders = scanChapterFolders(dir);
      return { content: `${JSON.stringify(folders)}\n${yaml}`, yaml, folders };
    },
    ({ yaml, folders }) => parseCourse(dir, yaml, folders),
    dir,
  );
}

function parseCourse(dir: string, yaml: string, found: ChapterFolder[]): CourseResult {
  const id = path.basename(dir);
  const shown = displayPath(path.join(dir, COURSE_FILE));
  const parsed = parsePositionedYaml(yaml, shown, 1);
  if ("errors" in parsed) return { ok: false, id, dir, errors: parsed.errors };
  const result = courseSchema.safeParse(parsed.yaml.data);
  if (!result.success) return { ok: false, id, dir, errors: zodErrors(parsed.yaml, result.error) };
  const data = result.data;

  const errors: ContentError[] = [];
  if (data.id !== id) {
    errors.push(errorAt(parsed.yaml, ["id"], `the id must be the folder name "${id}"`));
  }
  const listed = new Set<number>();
  data.chapters.forEach((chapter, index) => {
    if (listed.has(chapter.number)) {
      errors.push(errorAt(parsed.yaml, ["chapters", index, "number"], `chapter ${chapter.number} is listed twice`));
    }
    listed.add(chapter.number);
  });

  const folders = new Map<number, ChapterFolder[]>();
  for (const folder of found) folders.set(folder.number, [...(folders.get(folder.number) ?? []), folder]);
  for (const [number, list] of folders) {
    const names = list.map((folder) => folder.name);
    const where = { file: displayPath(path.join(dir, names[0] ?? "")), line: 1 };
    if (!listed.has(number)) {
      errors.push({ ...where, message: `chapter folder ${names[0]} has no entry in ${COURSE_FILE}: add chapter ${number} there` });
    }
    if (names.length > 1) {
      errors.push({ ...where, message: `chapter ${number} has several folders: ${names.join(", ")}` });
    }
  }
  if (errors.length > 0) return { ok: false, id, dir, errors };

  const chapters = [...data.chapters]
    .sort((a, b) => a.number - b.number)
    .map((chapter): ChapterEntry => {
      const folder = folders.get(chapter.number)?.[0];
      const chapterDir = folder ? path.join(dir, folder.name) : null;
      return {
        number: chapter.number,
        title: chapter.title,
        titleKr: chapter.titleKr,
        startSeconds: chapter.start ? (parseTimestamp(chapter.start) ?? undefined) : undefined,
        slug: folder?.name ?? chapterFolderName(chapter.number, chapter.title),
        dir: chapterDir,
        hasSheet: folder?.hasSheet ?? false,
        hasSource: folder?.hasSource ?? false,
      };
    });

  return {
    ok: true,
    course: {
      id,
      title: data.title,
      titleKr: data.titleKr,
      author: data.author,
      sourceUrl: data.source_url,
      description: data.description,
      dir,
      chapters,
    },
  };
}

/** Unsaved course.yaml text checked as if it were the folder's file (the studio's course editor). */
export function checkCourseYaml(dir: string, yaml: string): CourseResult {
  return parseCourse(dir, yaml, scanChapterFolders(dir));
}

export function loadCourse(id: string): CourseResult | null {
  const dir = courseDirs().get(id);
  return dir ? loadCourseFromDir(dir) : null;
}

export function loadAllCourses(): CourseResult[] {
  return [...courseDirs().values()].map(loadCourseFromDir);
}

export function findChapter(course: Course, number: number): ChapterEntry | undefined {
  return course.chapters.find((chapter) => chapter.number === number);
}
