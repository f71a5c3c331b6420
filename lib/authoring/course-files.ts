import { z } from "zod";
import { courseSchema } from "@/lib/content/schemas";
import { chapterFolderName } from "@/lib/content/slug";
import { parseChapterMarkers, type LineProblem } from "./chapter-markers";
import { splitTranscript } from "./transcript-split";

/** What a person types into "New course" (or passes to `npm run course:new`). */
export const newCourseInputSchema = z.strictObject({
  id: courseSchema.shape.id.max(60, "a course id is at most 60 characters"),
  title: z.string().trim().min(1, "give the course a title").max(200),
  titleKr: z.string().trim().max(200).optional(),
  author: z.string().trim().min(1, "name the author").max(200),
  source_url: z.url("the video URL must be a full URL, e.g. https://www.youtube.com/watch?v=…"),
  markers: z.string().min(1, "paste the chapter markers, one a line").max(20_000),
  transcript: z.string().max(5_000_000).optional(),
});
export type NewCourseInput = z.infer<typeof newCourseInputSchema>;

/** A problem in one pasted field, by line. */
export interface InputProblem extends LineProblem {
  field: "markers" | "transcript";
}

/** Files of a course, relative to its folder: `course.yaml`, `NN-slug/source.md`. */
type CourseFiles = Map<string, string>;

export type CourseFilesResult =
  { ok: true; files: CourseFiles; chapters: number } | { ok: false; problems: InputProblem[] };

const quoted = (text: string) => JSON.stringify(text);

/**
 * The files of a new course: course.yaml with every chapter and its start, and, when a transcript
 * is given, each chapter's source.md holding its part of it verbatim (summary left for the user).
 * Nothing is returned unless every line of both inputs is valid.
 */
export function buildCourseFiles(input: NewCourseInput): CourseFilesResult {
  const markers = parseChapterMarkers(input.markers);
  if (!markers.ok) return { ok: false, problems: markers.problems.map((p) => ({ ...p, field: "markers" })) };
  const chapters = markers.chapters;
  const files: CourseFiles = new Map();
  const lines = [
    `id: ${input.id}`,
    `title: ${quoted(input.title)}`,
    ...(input.titleKr ? [`titleKr: ${quoted(input.titleKr)}`] : []),
    `author: ${quoted(input.author)}`,
    `source_url: ${quoted(input.source_url)}`,
    "chapters:",
    ...chapters.map((c) => `  - { number: ${c.number}, title: ${quoted(c.title)}, start: ${quoted(c.start)} }`),
  ];
  files.set("course.yaml", `${lines.join("\n")}\n`);

  if (input.transcript?.trim()) {
    const split = splitTranscript(input.transcript, chapters);
    if (!split.ok) return { ok: false, problems: split.problems.map((p) => ({ ...p, field: "transcript" })) };
    for (const chapter of chapters) {
      const transcript = split.parts.get(chapter.number) ?? [];
      if (transcript.length === 0) continue;
      const folder = chapterFolderName(chapter.number, chapter.title);
      files.set(`${folder}/source.md`, sourcePage(input, chapter.number, chapter.title, chapters.length, transcript));
    }
  }
  return { ok: true, files, chapters: chapters.length };
}

function sourcePage(input: NewCourseInput, number: number, title: string, total: number, transcript: string[]): string {
  const heading = `${number}. ${title}`;
  return [
    "---",
    `title: ${quoted(heading)}`,
    `source_url: ${quoted(input.source_url)}`,
    "source_type: youtube_transcript",
    `author: ${quoted(input.author)}`,
    `parent: ${quoted(input.id)}`,
    `chapter: ${number}`,
    `totalChapters: ${total}`,
    "---",
    "",
    `# ${heading}`,
    "",
    "## 이 챕터 요약",
    "",
    "_(summary: write it here)_",
    "",
    "## Transcript",
    "",
    ...transcript.flatMap((line) => [line, ""]),
  ].join("\n");
}
