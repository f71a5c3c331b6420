/** A problem in a content file, precise enough for an author to fix it without searching. */
export interface ContentError {
  /** Path relative to the project root, e.g. content/deep-dive-llms/08-…/sheet.mdx */
  file: string;
  /** 1-based line in that file. */
  line: number;
  column?: number;
  /** The frontmatter field or component attribute at fault, e.g. layout[2].height */
  field?: string;
  message: string;
}

/** What a list of content errors broke (its heading is `errors.content.<scope>`). */
export const CONTENT_ERROR_SCOPES = ["chapter", "course", "source", "booklet"] as const;
export type ContentErrorScope = (typeof CONTENT_ERROR_SCOPES)[number];

export function formatContentError(error: ContentError): string {
  const where = error.column ? `${error.file}:${error.line}:${error.column}` : `${error.file}:${error.line}`;
  return error.field ? `${where}: ${error.field}: ${error.message}` : `${where}: ${error.message}`;
}

/** ["layout", 2, "sections", 0] → "layout[2].sections[0]" */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

export function sortErrors(errors: ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** A failure while a compiled sheet was being drawn, as that sheet's own error (at the line the failure names). */
export function renderError(file: string, error: unknown): ContentError {
  const place = error instanceof Error && "place" in error ? error.place : undefined;
  const start = place && typeof place === "object" && "start" in place ? place.start : place;
  const line = start && typeof start === "object" && "line" in start && typeof start.line === "number" ? start.line : 1;
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line, message: `the sheet could not be drawn: ${reason}` };
}
