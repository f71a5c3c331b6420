import { brokenChapters } from "./broken-chapters";
import { loadAllCourses, loadCourseFromDir, type Course, type CourseResult } from "./course";
import { sortErrors, type ContentError } from "./errors";
import type { DiagramInfo } from "./mdx/remark-sheet";
import { compileSheetSource, loadSheet } from "./sheet";
import { loadSource } from "./source";
import { mermaidErrorLine, mermaidErrorSummary } from "@/lib/mermaid/errors";
import { readIconPack } from "@/lib/mermaid/icon-pack-files";
import { diagramNotices } from "@/lib/mermaid/notices";
import { loadMermaidParser, type MermaidParse } from "@/lib/mermaid/node-parser";

export interface CheckReport {
  errors: ContentError[];
  /** What will draw differently from what was written (diagramNotices): said, but the content is valid. */
  warnings: ContentError[];
  sheets: number;
  diagrams: number;
}

interface DiagramCheck {
  errors: ContentError[];
  warnings: ContentError[];
}

/**
 * A diagram Mermaid cannot parse (at the line of the sheet Mermaid points at) is an error; what a
 * parsed one will draw differently (an icon no pack has, a fork/join label) is a warning.
 */
async function checkDiagram(parse: MermaidParse, diagram: DiagramInfo, file: string): Promise<DiagramCheck> {
  try {
    await parse(diagram.code);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The fence is at diagram.line, so the diagram's line n is the sheet's line diagram.line + n.
    const line = diagram.line + (mermaidErrorLine(message) ?? 1);
    return { errors: [{ file, line, message: `Mermaid diagram "${diagram.key}": ${mermaidErrorSummary(message)}` }], warnings: [] };
  }
  const notices = await diagramNotices(diagram.code, readIconPack);
  const warnings = notices.map((notice) => ({
    file,
    line: diagram.line + (notice.line ?? 0),
    message: `Mermaid diagram "${diagram.key}": ${notice.message}`,
  }));
  return { errors: [], warnings };
}

/** The errors of one course: its course.yaml, every sheet and diagram, every source page. */
async function checkCourseResult(result: CourseResult, parse: MermaidParse): Promise<CheckReport> {
  if (!result.ok) return { errors: result.errors, warnings: [], sheets: 0, diagrams: 0 };
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  let sheets = 0;
  let diagrams = 0;
  for (const chapter of result.course.chapters) {
    const source = loadSource(chapter);
    if (source && !source.ok) errors.push(...source.errors);
    const pending = loadSheet(result.course, chapter);
    if (!pending) continue;
    const sheet = await pending;
    sheets++;
    // A broken sheet's diagrams are checked too, so that every error shows up at once.
    const [file, sheetDiagrams] = sheet.ok ? [sheet.sheet.file, sheet.sheet.diagrams] : [sheet.file, sheet.diagrams];
    if (!sheet.ok) errors.push(...sheet.errors);
    for (const diagram of sheetDiagrams) {
      diagrams++;
      const checked = await checkDiagram(parse, diagram, file);
      errors.push(...checked.errors);
      warnings.push(...checked.warnings);
    }
  }
  return { errors, warnings, sheets, diagrams };
}

/** Every error of every content file, all at once: courses, sheets, diagrams and source pages. */
export async function checkAllContent(): Promise<CheckReport> {
  const parse = await loadMermaidParser();
  const total: CheckReport = { errors: [], warnings: [], sheets: 0, diagrams: 0 };
  for (const result of loadAllCourses()) {
    const report = await checkCourseResult(result, parse);
    total.errors.push(...report.errors);
    total.warnings.push(...report.warnings);
    total.sheets += report.sheets;
    total.diagrams += report.diagrams;
  }
  return { ...total, errors: sortErrors(total.errors), warnings: sortErrors(total.warnings) };
}

/** The same check for one course folder (a course pack unpacked into staging before install). */
export async function checkCourseDir(dir: string): Promise<CheckReport> {
  const report = await checkCourseResult(loadCourseFromDir(dir), await loadMermaidParser());
  return { ...report, errors: sortErrors(report.errors), warnings: sortErrors(report.warnings) };
}

/** The check for sheet text about to be written (a new or imported sheet): compile, then diagrams. */
export async function checkSheetSource(
  source: string,
  absolutePath: string,
  course: Course,
  chapter: number,
): Promise<ContentError[]> {
  const sheet = await compileSheetSource(source, absolutePath, course, chapter);
  if (!sheet.ok) return sheet.errors;
  const parse = await loadMermaidParser();
  const checks = await Promise.all(sheet.sheet.diagrams.map((diagram) => checkDiagram(parse, diagram, sheet.sheet.file)));
  return checks.flatMap((check) => check.errors);
}

/** A course or chapter that builds as its error page, and how many errors it has. */
export interface BrokenContent {
  /** "hostile-lab" for a course whose course.yaml is broken, "hostile-lab/3" for a chapter. */
  where: string;
  errors: number;
}

/** What `next build` turned into error pages: broken courses and chapters (diagrams aside). */
export async function brokenContent(): Promise<BrokenContent[]> {
  const broken: BrokenContent[] = [];
  for (const result of loadAllCourses()) {
    if (!result.ok) {
      broken.push({ where: result.id, errors: result.errors.length });
      continue;
    }
    for (const [chapter, errors] of await brokenChapters(result.course)) broken.push({ where: `${result.course.id}/${chapter}`, errors });
  }
  return broken;
}
