import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import { fieldName, type ContentError } from "./errors";

/**
 * YAML parsed with positions, so that every schema or layout error can name its line in the file.
 * `firstLine` is the file line on which the YAML text starts (2 for frontmatter after `---`).
 */
export interface PositionedYaml {
  data: unknown;
  document: Document;
  lineCounter: LineCounter;
  firstLine: number;
  file: string;
}

export function parsePositionedYaml(
  text: string,
  file: string,
  firstLine: number,
): { yaml: PositionedYaml } | { errors: ContentError[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line: pos.line + firstLine - 1,
          column: pos.col,
          message: `YAML syntax: ${error.message.split("\n")[0]}`,
        };
      }),
    };
  }
  return { yaml: { data: document.toJS(), document, lineCounter, firstLine, file } };
}

/** The file line of the value at `path`, or of its closest existing parent. */
function lineOf(yaml: PositionedYaml, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = yaml.document.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) {
      return yaml.lineCounter.linePos(node.range[0]).line + yaml.firstLine - 1;
    }
  }
  return yaml.firstLine;
}

export function errorAt(yaml: PositionedYaml, path: readonly PropertyKey[], message: string): ContentError {
  return { file: yaml.file, line: lineOf(yaml, path), field: path.length > 0 ? fieldName(path) : undefined, message };
}

export function zodErrors(yaml: PositionedYaml, error: z.ZodError): ContentError[] {
  return error.issues.map((issue) => errorAt(yaml, issue.path, issue.message));
}

export interface SplitFrontmatter {
  /** The YAML between the `---` fences, or null when the file has none. */
  frontmatter: string | null;
  /** The body with the frontmatter lines blanked, so body line numbers stay file line numbers. */
  body: string;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): SplitFrontmatter {
  const match = FRONTMATTER.exec(source);
  if (!match) return { frontmatter: null, body: source };
  const blankLines = "\n".repeat(match[0].split("\n").length - 1);
  return { frontmatter: match[1] ?? "", body: blankLines + source.slice(match[0].length) };
}
