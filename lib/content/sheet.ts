import fs from "node:fs";
import path from "node:path";
import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { buildGrid, placedSectionIds, TITLE_SECTION_ID, validateLayout, type SheetGrid } from "@/lib/sheet-layout/layout";
import type { ChapterEntry, Course } from "./course";
import { RecentValues } from "@/lib/recent-values";
import { CACHES_PER_PROCESS, ContentCache, contentHash } from "./cache";
import { sortErrors, type ContentError } from "./errors";
import { errorAt, parsePositionedYaml, splitFrontmatter, zodErrors, type PositionedYaml } from "./frontmatter";
import { jsxHandlers } from "./mdx/jsx-to-hast";
import { parseInSections } from "./mdx/parse-in-sections";
import { remarkSafeSheet } from "./mdx/remark-safe-sheet";
import { remarkBlockComponents, remarkSheetComponents, remarkSheetGrid, remarkStudyCards, type DiagramInfo, type SectionInfo } from "./mdx/remark-sheet";
import type { ExtractedCard } from "@/lib/study/extract";
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
  /**
   * The sheet as a tree of HTML elements and sheet components (hast), rendered by React through the
   * component map. Nothing in it is code: the sheet is never evaluated.
   */
  tree: HastRoot;
  /** Recall cards of the sheet, in page order (lib/study/extract). */
  cards: ExtractedCard[];
  file: string;
}

/** A broken sheet still lists the diagrams it has, so that their errors are reported with the others. */
export type SheetResult =
  | { ok: true; sheet: CompiledSheet }
  | { ok: false; file: string; errors: ContentError[]; diagrams: DiagramInfo[] };

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

/** remark-gfm and remark-mdx extend the parser itself, so parsing alone gives the full tree. */
const sheetParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

interface CompiledBody {
  tree: HastRoot | null;
  errors: ContentError[];
  info: { sections: SectionInfo[]; diagrams: DiagramInfo[]; cards: ExtractedCard[] };
}

/**
 * The sheet's body, parsed as MDX syntax (so that components can be written) and turned into data:
 * remarkSafeSheet rejects anything that is code, then the sheet plugins arrange the sections into
 * the grid (when the layout is valid) and the result is a hast tree.
 */
async function compileBody(
  body: string,
  absolutePath: string,
  file: string,
  grid: SheetGrid | null,
  cardScope: string,
): Promise<CompiledBody> {
  const vfile = new VFile({ path: absolutePath, value: body });
  const errors: ContentError[] = [];
  let tree: HastRoot | null = null;
  const processor = unified()
    .use(remarkSafeSheet)
    .use(remarkBlockComponents)
    .use(remarkSheetComponents)
    .use(remarkSheetGrid, { grid })
    .use(remarkStudyCards, { scope: cardScope })
    .use(remarkRehype, { handlers: jsxHandlers });
  try {
    tree = await processor.run(parseInSections(body, parseSheetTree), vfile);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    errors.push({ ...messageToError(error, file), message: `MDX syntax: ${error.reason}` });
  }
  errors.push(...vfile.messages.map((m) => messageToError(m, file)));
  return { tree, errors, info: vfile.data.sheet ?? { sections: [], diagrams: [], cards: [] } };
}

async function compileSheet(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  const file = displayPath(absolutePath);
  const { frontmatter, body } = splitFrontmatter(source);
  if (frontmatter === null) {
    const message = "a sheet starts with YAML frontmatter between --- lines (chapter, title, layout)";
    return { ok: false, file, errors: [{ file, line: 1, message }], diagrams: [] };
  }
  const errors: ContentError[] = [];
  const parsed = parsePositionedYaml(frontmatter, file, 2);
  const checked = "errors" in parsed ? null : sheetFrontmatterSchema.safeParse(parsed.yaml.data);
  if ("errors" in parsed) errors.push(...parsed.errors);
  else if (checked && !checked.success) errors.push(...zodErrors(parsed.yaml, checked.error));
  const data = checked?.success ? checked.data : null;
  const yaml = "yaml" in parsed ? parsed.yaml : null;

  if (data && yaml) {
    errors.push(...validateLayout(data.layout).map((issue) => errorAt(yaml, issue.path, issue.message)));
    if (expectedChapter !== undefined && data.chapter !== expectedChapter) {
      errors.push(errorAt(yaml, ["chapter"], `the folder is chapter ${expectedChapter} but the frontmatter says ${data.chapter}`));
    }
  }
  const grid = data ? buildGrid(data.layout) : null;
  const compiled = await compileBody(body, absolutePath, file, grid, `${course.id}/${data?.chapter ?? expectedChapter ?? 0}`);
  errors.push(...compiled.errors);
  const { sections, diagrams } = compiled.info;
  if (data && yaml && compiled.tree) errors.push(...placementErrors(yaml, data, sections, file));
  if (errors.length > 0 || !data || !grid || !compiled.tree) return { ok: false, file, errors: sortErrors(errors), diagrams };

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
      sections,
      diagrams,
      tree: compiled.tree,
      cards: compiled.info.cards,
      file,
    },
  };
}

/**
 * The last few compiles, by everything they were made from. The studio compiles one text three
 * times otherwise: for its preview, for the save's check, and for the page shown after the save.
 */
const sheetCaches = (() => {
  const make = () => ({
    recent: new RecentValues<string, Promise<SheetResult>>(8),
    compiled: new ContentCache<Promise<SheetResult>>(),
  });
  const processWide = globalThis as typeof globalThis & { studySheetsSheetCaches?: ReturnType<typeof make> };
  return CACHES_PER_PROCESS ? (processWide.studySheetsSheetCaches ??= make()) : make();
})();
const recentCompiles = sheetCaches.recent;

function compileSheetSafely(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  const key = contentHash([absolutePath, JSON.stringify(course), String(expectedChapter), source].join("\n"));
  const recent = recentCompiles.get(key);
  if (recent) return recent;
  const compiled = compileSheetOrSayWhy(source, absolutePath, course, expectedChapter);
  recentCompiles.set(key, compiled);
  return compiled;
}

/** Whatever goes wrong while compiling one sheet is that sheet's error, never the caller's crash. */
async function compileSheetOrSayWhy(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  try {
    return await compileSheet(source, absolutePath, course, expectedChapter);
  } catch (error) {
    const file = displayPath(absolutePath);
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, file, errors: [{ file, line: 1, message: `the sheet could not be compiled: ${reason}` }], diagrams: [] };
  }
}

/**
 * Compiled sheets, by file and content (and the course defaults a sheet takes): each version of a
 * sheet is compiled once, on its first view, and an edited sheet (the studio saves while the
 * server runs) is compiled again on the next request.
 */
const compiledSheets = sheetCaches.compiled;

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
      ({ source }) => compileSheetSafely(source, file, course, chapter.number),
      path.dirname(file),
    );
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    // Removed a moment ago, before the course listing caught up.
    compiledSheets.delete(file);
    return null;
  }
}

/**
 * The one compile function (the loader, content:check, the studio preview, tests): sheet text in,
 * a compiled sheet or every error of it out.
 */
export function compileSheetSource(source: string, absolutePath: string, course: Course, expectedChapter?: number): Promise<SheetResult> {
  return compileSheetSafely(source, absolutePath, course, expectedChapter);
}

/**
 * The markdown tree (mdast, MDX nodes included) of a sheet's body as the remark stage first sees
 * it, before any plugin: for pure analyses over a sheet such as lib/study/extract.
 */
export function parseSheetTree(body: string): Root {
  return sheetParser.parse(body);
}
