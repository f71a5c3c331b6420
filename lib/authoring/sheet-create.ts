import "server-only";
import path from "node:path";
import { checkSheetSource } from "@/lib/content/check";
import { findChapter, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import { writeNewSheet } from "@/lib/content/course-store";
import { formatContentError } from "@/lib/content/errors";
import { draftFromPreset, type LayoutPresetId } from "./layout-presets";
import type { LineProblem } from "./chapter-markers";
import type { Refusal } from "./refusals";
import { draftFromRequest, parseRequest } from "./request-import";
import { renderSheetSource, type SheetDraft } from "./sheet-source";

/** A new sheet.mdx for a listed chapter without one: from a layout preset, or from a request. */

export type NewSheetResult =
  | { ok: true; course: string; chapter: number; file: string; remarks: string[] }
  | ({ ok: false; status: 400 | 404 | 409; error: string; problems?: (LineProblem | string)[] } & Refusal);

function chapterOf(courseId: string, number: number): { course: Course; chapter: ChapterEntry } | NewSheetResult {
  const result = loadCourse(courseId);
  if (!result)
    return { ok: false, status: 404, code: "noCourse", values: { course: courseId }, error: `no course "${courseId}"` };
  if (!result.ok)
    return {
      ok: false,
      status: 400,
      code: "courseContentErrors",
      values: { course: courseId },
      error: `course "${courseId}" has content errors`,
      problems: result.errors.map(formatContentError),
    };
  const chapter = findChapter(result.course, number);
  if (!chapter)
    return {
      ok: false,
      status: 404,
      code: "chapterNotListed",
      values: { chapter: number, course: courseId },
      error: `chapter ${number} is not listed in ${courseId}/course.yaml`,
    };
  if (chapter.hasSheet)
    return {
      ok: false,
      status: 409,
      code: "sheetExists",
      values: { chapter: number },
      error: `chapter ${number} already has a sheet: it is never overwritten`,
    };
  return { course: result.course, chapter };
}

/** Checks the draft like `content:check` does, then writes it; nothing is written with errors. */
async function writeDraft(course: Course, chapter: ChapterEntry, draft: SheetDraft): Promise<NewSheetResult> {
  const source = renderSheetSource(draft);
  const target = path.join(chapter.dir ?? path.join(course.dir, chapter.slug), "sheet.mdx");
  const errors = await checkSheetSource(source, target, course, chapter.number);
  if (errors.length > 0)
    return {
      ok: false,
      status: 400,
      code: "sheetContentCheck",
      error: "the new sheet would not pass the content check",
      problems: errors.map(formatContentError),
    };
  const file = writeNewSheet(course, chapter, source);
  return { ok: true, course: course.id, chapter: chapter.number, file, remarks: draft.remarks ?? [] };
}

export async function createSheetFromPreset(
  courseId: string,
  number: number,
  preset: LayoutPresetId,
): Promise<NewSheetResult> {
  const found = chapterOf(courseId, number);
  if ("ok" in found) return found;
  const { course, chapter } = found;
  return writeDraft(
    course,
    chapter,
    draftFromPreset(preset, { number, title: chapter.title, titleKr: chapter.titleKr }),
  );
}

/** A request in the seeds' format → the chapter its frontmatter names (or `chapter` when given). */
export async function importRequest(
  courseId: string,
  text: string,
  options: { chapter?: number } = {},
): Promise<NewSheetResult> {
  const parsed = parseRequest(text);
  if (!parsed.ok) {
    return {
      ok: false,
      status: 400,
      code: "requestUnreadable",
      error: "the request could not be read",
      problems: parsed.problems,
    };
  }
  const number = options.chapter ?? parsed.request.chapter;
  const found = chapterOf(courseId, number);
  if ("ok" in found) return found;
  const draft = draftFromRequest(parsed.request);
  return writeDraft(found.course, found.chapter, { ...draft, chapter: number });
}
