import { z } from "zod";

/**
 * The print pages the PDFs are made from, and the query of the course print page. Built and parsed
 * here so the server and the page agree.
 *
 * `/courses/<course>/print` is the whole course as printed: cover, contents, every written sheet.
 * `part=front` keeps only cover and contents, `part=sheets` only the sheets (of `chapters`, when
 * given); `pages` gives the contents the first page of each chapter; `notes=1` adds notes pages;
 * `quiz=1` blanks every card's answer (a quiz booklet).
 */
type CoursePrintPart = "all" | "front" | "sheets";

export interface CoursePrintQuery {
  part: CoursePrintPart;
  notes: boolean;
  quiz: boolean;
  /** Chapter numbers to print; undefined = every written chapter. */
  chapters?: number[];
  /** The first page of each printed chapter, in order, for the contents. */
  pages?: number[];
}

const numberList = z
  .string()
  .regex(/^\d{1,4}(,\d{1,4})*$/)
  .transform((text) => text.split(",").map(Number));

const coursePrintQuerySchema = z.object({
  part: z.enum(["all", "front", "sheets"]).catch("all"),
  notes: z
    .string()
    .optional()
    .transform((value) => value === "1"),
  quiz: z
    .string()
    .optional()
    .transform((value) => value === "1"),
  chapters: numberList.optional().catch(undefined),
  pages: numberList.optional().catch(undefined),
});

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A malformed value falls back to its default: a print page always shows something sensible. */
export function parseCoursePrintQuery(params: SearchParams): CoursePrintQuery {
  return coursePrintQuerySchema.parse({
    part: first(params.part),
    notes: first(params.notes),
    quiz: first(params.quiz),
    chapters: first(params.chapters),
    pages: first(params.pages),
  });
}

export function coursePrintPath(course: string, query: Partial<CoursePrintQuery> = {}): string {
  const search = new URLSearchParams();
  if (query.part && query.part !== "all") search.set("part", query.part);
  if (query.chapters) search.set("chapters", query.chapters.join(","));
  if (query.pages) search.set("pages", query.pages.join(","));
  if (query.notes) search.set("notes", "1");
  if (query.quiz) search.set("quiz", "1");
  const text = search.toString();
  return `/courses/${encodeURIComponent(course)}/print${text ? `?${text}` : ""}`;
}

export function chapterPrintPath(
  course: string,
  chapter: number,
  options: { notes?: boolean; quiz?: boolean } = {},
): string {
  const search = new URLSearchParams();
  if (options.notes) search.set("notes", "1");
  if (options.quiz) search.set("quiz", "1");
  const text = search.toString();
  return `/courses/${encodeURIComponent(course)}/${chapter}/print${text ? `?${text}` : ""}`;
}
