import fs from "node:fs";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { buildGrid, placedSectionIds, TITLE_SECTION_ID, validateLayout, type SheetGrid } from "@/lib/sheet-layout/layout";
import type { ChapterEntry, Course } from "./course";
import { ContentCache, contentHash } from "./cache";
import { sortErrors, type ContentError } from "./errors";
import { errorAt, parsePositionedYaml, splitFrontmatter, zodErrors, type PositionedYaml } from "./frontmatter";
import { remarkSheetComponents, remarkSheetGrid, type DiagramInfo, type SectionInfo } from "./mdx/remark-sheet";
import { displayPath } from "./roots";
import { sheetFrontmatterSchema, type SheetFrontmatter } from "./schemas";

export interface CompiledSheet {
  course: string;
  chapter: number;
  title: string;
  titleKr?: string;
  author: string;
  sourceUrl: string;
  grid: SheetGrid;
  sections: SectionInfo[];
  diagrams: DiagramInfo[];
  /** The MDX compiled to a function body, to be run with the React runtime at render time. */
  code: string;
  file: string;
}

export type SheetResult = { ok: true; sheet: CompiledSheet } | { ok: false; file: string; errors: ContentError[] };

function messageToError(message: VFileMessage, file: string): ContentError {
  const start = message.place && "start" in message.place ? message.place.start : message.place;
  return {
    file,
    line: start?.line ?? 1,
    column: start?.column,
    message: message.reason,
  };
}

/** Layout ids with no <Section>, and <Section>s placed nowhere, with the line that can fix each. */
function placementErrors(yaml: PositionedYaml, frontmatter: SheetFrontmatter, sections: SectionInfo[], file: string): ContentError[] {
  const errors: ContentError[] = [];
  const written = new Set(sections.map((s) => s.id));
  const placed = new Set(placedSectionIds(frontmatter.layout));
  frontmatter.layout.forEach((row, rowIndex) =>
    row.sections.forEach((section, sectionIndex) => {
      const id = typeof section === "string" ? section : section.id;
      if (id !== TITLE_SECTION_ID && !written.has(id)) {
        errors.push(errorAt(yaml, ["layout", rowIndex, "sections", sectionIndex], `the layout places "${id}" but there is no <Section id="${id}">`));
      }
    }),
  );
  for (const section of sections) {
    if (section.id === TITLE_SECTION_ID) {
      errors.push({ file, line: section.line, message: `"${TITLE_SECTION_ID}" is the built-in title banner: give this <Section> another id` });
    } else if (!placed.has(section.id)) {
      errors.push({ file, line: section.line, message: `<Section id="${section.id}"> is not placed in the layout: add it to a row` });
    }
  }
  return errors;
}

async function compileSheet(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  const file = displayPath(absolutePath);
  const { frontmatter, body } = splitFrontmatter(source);
  if (frontmatter === null) {
    return { ok: false, file, errors: [{ file, line: 1, message: "a sheet starts with YAML frontmatter between --- lines (chapter, title, layout)" }] };
  }
  const parsed = parsePositionedYaml(frontmatter, file, 2);
  if ("errors" in parsed) return { ok: false, file, errors: parsed.errors };
  const checked = sheetFrontmatterSchema.safeParse(parsed.yaml.data);
  if (!checked.success) return { ok: false, file, errors: zodErrors(parsed.yaml, checked.error) };
  const data = checked.data;

  const errors: ContentError[] = validateLayout(data.layout).map((issue) => errorAt(parsed.yaml, issue.path, issue.message));
  if (expectedChapter !== undefined && data.chapter !== expectedChapter) {
    errors.push(errorAt(parsed.yaml, ["chapter"], `the folder is chapter ${expectedChapter} but the frontmatter says ${data.chapter}`));
  }
  const grid = buildGrid(data.layout);
  const vfile = new VFile({ path: absolutePath, value: body });
  let code = "";
  try {
    const compiled = await compile(vfile, {
      outputFormat: "function-body",
      development: false,
      remarkPlugins: [remarkGfm, remarkSheetComponents, [remarkSheetGrid, { grid }]],
    });
    code = String(compiled);
  } catch (error) {
    if (error instanceof VFileMessage) {
      errors.push({ ...messageToError(error, file), message: `MDX syntax: ${error.reason}` });
    } else {
      throw error;
    }
  }
  errors.push(...vfile.messages.map((m) => messageToError(m, file)));
  const info = vfile.data.sheet ?? { sections: [], diagrams: [] };
  if (code) errors.push(...placementErrors(parsed.yaml, data, info.sections, file));
  if (errors.length > 0) return { ok: false, file, errors: sortErrors(errors) };

  return {
    ok: true,
    sheet: {
      course: course.id,
      chapter: data.chapter,
      title: data.title,
      titleKr: data.titleKr,
      author: data.author ?? course.author,
      sourceUrl: data.source_url ?? course.sourceUrl,
      grid,
      sections: info.sections,
      diagrams: info.diagrams,
      code,
      file,
    },
  };
}

/**
 * Compiled sheets, by file and content (and the course defaults a sheet takes): each version of a
 * sheet is compiled once, on its first view, and an edited sheet (the studio saves while the
 * server runs) is compiled again on the next request.
 */
const compiledSheets = new ContentCache<Promise<SheetResult>>();

export function sheetPath(chapter: ChapterEntry): string | null {
  return chapter.dir && chapter.hasSheet ? path.join(chapter.dir, "sheet.mdx") : null;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

/** sha256 of the sheet's text, or null when it has none: changes exactly when the sheet is edited. */
export function sheetHash(chapter: ChapterEntry): string | null {
  const file = sheetPath(chapter);
  if (!file) return null;
  try {
    return contentHash(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

export function loadSheet(course: Course, chapter: ChapterEntry): Promise<SheetResult> | null {
  const file = sheetPath(chapter);
  if (!file) return null;
  // The defaults a sheet takes from its course are part of what it is compiled from.
  const defaults = [course.id, course.author, course.sourceUrl, chapter.number].join("\n");
  try {
    return compiledSheets.get(
      file,
      () => {
        const source = fs.readFileSync(file, "utf8");
        return { content: `${defaults}\n${source}`, source };
      },
      ({ source }) => compileSheet(source, file, course, chapter.number),
      path.dirname(file),
    );
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    // Removed a moment ago, before the course listing caught up.
    compiledSheets.delete(file);
    return null;
  }
}

/** Compiles sheet text without the cache (tests, benchmarks). */
export function compileSheetSource(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  return compileSheet(source, absolutePath, course, expectedChapter);
}
