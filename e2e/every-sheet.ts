import fs from "node:fs";
import path from "node:path";
import { courseDirs, loadAllCourses } from "@/lib/content/course";

export interface SheetRef {
  course: string;
  chapter: number;
}

/** A fixture chapter that is broken on purpose (its errors are tested elsewhere). */
const isDeliberatelyBroken = (folderName: string) => folderName.includes("broken");

/** Every written chapter of every course (the fixtures included), minus the deliberately broken ones. */
export const everySheet: SheetRef[] = loadAllCourses().flatMap((result) =>
  result.ok
    ? result.course.chapters
        .filter((chapter) => chapter.hasSheet && !isDeliberatelyBroken(chapter.slug))
        .map((chapter) => ({ course: result.course.id, chapter: chapter.number }))
    : [],
);

/**
 * The sheet.mdx files on disk, counted without the content loader: a loop over `everySheet`
 * compares the two, so a course that fails to load cannot silently shrink what the loop covers.
 */
export function sheetFilesOnDisk(): string[] {
  return [...courseDirs().values()].flatMap((courseDir) =>
    fs
      .readdirSync(courseDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !isDeliberatelyBroken(entry.name))
      .map((entry) => path.join(courseDir, entry.name, "sheet.mdx"))
      .filter((file) => fs.existsSync(file)),
  );
}
