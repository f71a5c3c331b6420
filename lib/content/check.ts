import { loadAllCourses } from "./course";
import { sortErrors, type ContentError } from "./errors";
import type { DiagramInfo } from "./mdx/remark-sheet";
import { loadSheet } from "./sheet";
import { loadSource } from "./source";

export interface CheckReport {
  errors: ContentError[];
  /** Things the checker could not verify here (e.g. diagram types Mermaid can only parse in a browser). */
  notes: string[];
  sheets: number;
  diagrams: number;
}

type MermaidParse = (code: string) => Promise<unknown>;

/** Mermaid's parser, where it can run outside a browser (some diagram types need a DOM). */
async function loadMermaidParser(): Promise<MermaidParse | null> {
  try {
    const { default: mermaid } = await import("mermaid");
    return (code) => mermaid.parse(code);
  } catch {
    return null;
  }
}

const NEEDS_BROWSER = /DOMPurify|document is not defined|window is not defined|is not a function/;

async function checkDiagram(parse: MermaidParse, diagram: DiagramInfo, file: string): Promise<ContentError | "needs-browser" | null> {
  try {
    await parse(diagram.code);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NEEDS_BROWSER.test(message)) return "needs-browser";
    const lineInDiagram = Number(/line (\d+)/i.exec(message)?.[1] ?? 1);
    return { file, line: diagram.line + lineInDiagram, message: `Mermaid diagram "${diagram.key}": ${message.split("\n").filter(Boolean).slice(0, 4).join(" | ")}` };
  }
}

/** Every error of every content file, all at once: courses, sheets, diagrams and source pages. */
export async function checkAllContent(): Promise<CheckReport> {
  const errors: ContentError[] = [];
  const notes: string[] = [];
  let sheets = 0;
  let diagrams = 0;
  let needBrowser = 0;
  const parse = await loadMermaidParser();
  if (!parse) notes.push("Mermaid could not be loaded here: diagrams are checked by the e2e tests only.");

  for (const result of loadAllCourses()) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    for (const chapter of result.course.chapters) {
      const source = loadSource(chapter);
      if (source && !source.ok) errors.push(...source.errors);
      const pending = loadSheet(result.course, chapter);
      if (!pending) continue;
      const sheet = await pending;
      sheets++;
      if (!sheet.ok) {
        errors.push(...sheet.errors);
        continue;
      }
      for (const diagram of sheet.sheet.diagrams) {
        diagrams++;
        if (!parse) continue;
        const problem = await checkDiagram(parse, diagram, sheet.sheet.file);
        if (problem === "needs-browser") needBrowser++;
        else if (problem) errors.push(problem);
      }
    }
  }
  if (needBrowser > 0) notes.push(`${needBrowser} diagram(s) of types Mermaid parses only in a browser are checked by the e2e tests.`);
  return { errors: sortErrors(errors), notes, sheets, diagrams };
}
