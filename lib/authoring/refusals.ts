/**
 * What authoring refuses, as a stable code and the values its sentence names: the interface says
 * it in its own language (messages "authoring.refusals", components/authoring/refusal-text.ts),
 * and the English `message` / `error` beside it stays for API clients, the scripts and logs.
 */
export const AUTHORING_CODES = [
  "courseExists",
  "linesUnreadable",
  "courseContentCheck",
  "noCourse",
  "courseContentErrors",
  "chapterNotListed",
  "sheetExists",
  "sheetContentCheck",
  "requestUnreadable",
  "chapterNumber",
  "notUtf8",
  "packRefused",
  "packInstalled",
  "markerNoTime",
  "markerNoTitle",
  "markerNotLater",
  "markersEmpty",
  "markersTooMany",
  "transcriptBadTime",
  "transcriptNoStamp",
  "requestNoSource",
  "requestNoFrontmatter",
  "requestFrontmatterOpen",
  "requestFrontmatterYaml",
  "requestFrontmatterField",
  "requestNoDrawing",
  "requestNoTable",
  "requestTableEmpty",
  "requestRowsMismatch",
  "requestShareSum",
  "requestRowNoBox",
  "requestSplitMismatch",
] as const;

export type AuthoringCode = (typeof AUTHORING_CODES)[number];

/** The values a refusal's sentence names: a line's text, a time, a chapter, a count. */
export type RefusalValues = Record<string, string | number>;

export interface Refusal {
  code: AuthoringCode;
  values?: RefusalValues;
}

/** A refused authoring request: its status, the English error, its code, and what else it names. */
export interface RefusalAnswer extends Refusal {
  status: number;
  error: string;
  field?: string;
  /** Each bad line (coded), or a file's problem or content error (English, with file:line). */
  problems?: readonly unknown[];
  /** The installed course a pack collides with. */
  existing?: string;
}

/** The JSON answer of a refusal: `{ error, code, values, field?, problems, existing? }`. */
export function refusalResponse({ status, ...body }: RefusalAnswer): Response {
  return Response.json({ problems: [], ...body }, { status });
}
