import "server-only";
import crypto from "node:crypto";
import { parseDocument } from "yaml";
import { z } from "zod";
import { checkCourseDir } from "@/lib/content/check";
import { loadCourse } from "@/lib/content/course";
import { formatContentError } from "@/lib/content/errors";
import { courseExists, discardStaged, installStaged, readCourseFiles, stageCourse } from "@/lib/content/course-store";
import { courseSchema } from "@/lib/content/schemas";
import { listDiagramEdits, saveDiagramEdit } from "@/lib/diagrams/repository";
import { toNotesFile } from "@/lib/notes/export";
import { importNotes, listNotes, toNoteJson, type ImportResult } from "@/lib/notes/repository";
import { buildCourseFiles, type InputProblem, type NewCourseInput } from "./course-files";
import type { Refusal } from "./refusals";
import { buildPack, packFileName, PACK_FORMAT, PACK_VERSION, readPack, type CoursePack } from "./course-pack";

/** New courses, and courses shared as packs: the steps that touch content/ and the database. */

export type CreateCourseResult =
  | { ok: true; id: string; chapters: number; sources: number }
  | ({ ok: false; status: 400 | 409; error: string; problems: (InputProblem | string)[] } & Refusal);

/** Writes a new course (course.yaml, source pages) in one rename, after every input line is valid. */
export async function createCourse(input: NewCourseInput): Promise<CreateCourseResult> {
  if (courseExists(input.id))
    return {
      ok: false,
      status: 409,
      code: "courseExists",
      values: { id: input.id },
      error: `a course "${input.id}" already exists: pick another id`,
      problems: [],
    };
  const built = buildCourseFiles(input);
  if (!built.ok)
    return {
      ok: false,
      status: 400,
      code: "linesUnreadable",
      error: "some lines could not be read; nothing was written",
      problems: built.problems,
    };
  const staged = stageCourse(input.id, built.files);
  const report = await checkCourseDir(staged.dir);
  if (report.errors.length > 0) {
    discardStaged(staged);
    return {
      ok: false,
      status: 400,
      code: "courseContentCheck",
      error: "the new course would not pass the content check; nothing was written",
      problems: report.errors.map(formatContentError),
    };
  }
  installStaged(staged, { replace: false });
  return { ok: true, id: input.id, chapters: built.chapters, sources: built.files.size - 1 };
}

/** The course as a pack, with its notes and diagram edits when asked; null for an unknown course. */
export async function exportCoursePack(
  id: string,
  options: { withNotes: boolean },
): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const result = loadCourse(id);
  if (!result?.ok) return null;
  const { course } = result;
  const now = new Date();
  const pack: CoursePack = {
    manifest: {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      course: course.id,
      createdAt: now.toISOString(),
      withNotes: options.withNotes,
    },
    files: readCourseFiles(course),
    notes: null,
    diagrams: null,
  };
  if (options.withNotes) {
    pack.notes = toNotesFile((await listNotes({ course: course.id })).map(toNoteJson));
    const edits = await Promise.all(course.chapters.map((chapter) => listDiagramEdits(course.id, chapter.number)));
    pack.diagrams = {
      edits: edits
        .flat()
        .map(({ chapter, diagramKey, source, originalHash }) => ({ chapter, diagramKey, source, originalHash })),
    };
  }
  return { bytes: buildPack(pack), fileName: packFileName(course.id, now) };
}

/** What to do when the pack's course id is already installed. */
export const installChoiceSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("new") }),
  z.strictObject({ mode: z.literal("copy"), id: courseSchema.shape.id }),
  z.strictObject({ mode: z.literal("replace") }),
]);
export type InstallChoice = z.infer<typeof installChoiceSchema>;

export type ImportPackResult =
  | {
      ok: true;
      course: string;
      sheets: number;
      notes: ImportResult;
      diagrams: number;
      keptAside?: string;
    }
  | { ok: false; status: 400 | 409; problems: string[]; existing?: string };

/** A note id of a copy: stable, so importing the same pack as the same copy twice adds nothing. */
function copiedNoteId(copyId: string, noteId: string): string {
  return crypto.createHash("sha256").update(`${copyId}\u0000${noteId}`).digest("hex").slice(0, 32);
}

function renameCourseFile(text: string, id: string): string {
  const document = parseDocument(text);
  document.set("id", id);
  return String(document);
}

/**
 * Installs a pack after every check: the pack's own (names, sizes, types, JSON), then the content
 * check on a staged copy. An id already installed needs an explicit choice: a copy under a new id,
 * or a replacement (the old course is kept aside). A refusal names each problem; nothing is
 * half-installed, and notes are imported only once the course is in place.
 */
export async function importCoursePack(bytes: Uint8Array, choice: InstallChoice): Promise<ImportPackResult> {
  const read = readPack(bytes);
  if (!read.ok) return { ok: false, status: 400, problems: read.problems };
  const { manifest, notes, diagrams } = read.pack;
  const id = choice.mode === "copy" ? choice.id : manifest.course;
  if (courseExists(id) && choice.mode !== "replace") {
    const hint =
      choice.mode === "copy" ? "pick another id for the copy" : "install it as a copy with a new id, or replace it";
    return { ok: false, status: 409, problems: [`a course "${id}" is already installed: ${hint}`], existing: id };
  }
  const files = new Map(read.pack.files);
  const courseFile = files.get("course.yaml") ?? "";
  const declared = parseDocument(courseFile).get("id");
  if (declared !== manifest.course) {
    return {
      ok: false,
      status: 400,
      problems: [`course/course.yaml: id "${String(declared)}" differs from the manifest's "${manifest.course}"`],
    };
  }
  if (choice.mode === "copy") files.set("course.yaml", renameCourseFile(courseFile, id));

  const staged = stageCourse(id, files);
  let report;
  try {
    report = await checkCourseDir(staged.dir);
  } catch (error) {
    discardStaged(staged);
    throw error;
  }
  if (report.errors.length > 0) {
    discardStaged(staged);
    // Errors name the staged file: show them as the pack's paths.
    const problems = report.errors.map((error) =>
      formatContentError({ ...error, file: `course/${error.file.split(`/${id}/`).pop() ?? error.file}` }),
    );
    return { ok: false, status: 400, problems };
  }
  const installed = installStaged(staged, { replace: choice.mode === "replace" });

  const incoming = (notes?.notes ?? []).map((note) =>
    choice.mode === "copy" ? { ...note, id: copiedNoteId(id, note.id), course: id } : note,
  );
  const noteResult: ImportResult =
    incoming.length > 0 ? await importNotes(incoming) : { imported: 0, restored: 0, updated: 0, kept: 0, orphaned: 0 };
  for (const edit of diagrams?.edits ?? []) {
    await saveDiagramEdit(
      { course: id, chapter: edit.chapter, diagramKey: edit.diagramKey },
      edit.source,
      edit.originalHash,
    );
  }
  return {
    ok: true,
    course: id,
    sheets: report.sheets,
    notes: noteResult,
    diagrams: diagrams?.edits.length ?? 0,
    keptAside: installed.keptAside,
  };
}
