import "server-only";
import fs from "node:fs";
import path from "node:path";
import { CACHES_PER_PROCESS, ContentCache } from "./cache";
import type { ChapterEntry } from "./course";
import type { ContentError } from "./errors";
import { parsePositionedYaml, splitFrontmatter, zodErrors } from "./frontmatter";
import { displayPath } from "./roots";
import { sourceFrontmatterSchema, type SourceFrontmatter } from "./schemas";
import { parseTimestamp } from "./timestamps";

/** A transcript line: `[mm:ss] text` or `[h:mm:ss] text`. */
export interface TranscriptLine {
  seconds: number;
  stamp: string;
  text: string;
  /** Line in source.md, for error messages and anchors. */
  line: number;
}

/** The source page in reading order: markdown passages and runs of transcript lines. */
type SourceBlock = { kind: "markdown"; text: string } | { kind: "transcript"; lines: TranscriptLine[] };

export interface SourcePage {
  frontmatter: SourceFrontmatter;
  blocks: SourceBlock[];
  transcript: TranscriptLine[];
  file: string;
}

export type SourceResult = { ok: true; source: SourcePage } | { ok: false; file: string; errors: ContentError[] };

const TRANSCRIPT_LINE = /^\[((?:\d+:)?\d{1,2}:\d{2})\]\s*(.*)$/;

function parseSourceBody(body: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let markdown: string[] = [];
  const flushMarkdown = () => {
    const text = markdown.join("\n").trim();
    if (text) blocks.push({ kind: "markdown", text });
    markdown = [];
  };
  body.split("\n").forEach((raw, index) => {
    const match = TRANSCRIPT_LINE.exec(raw.trim());
    const stamp = match?.[1];
    const seconds = stamp === undefined ? null : parseTimestamp(stamp);
    if (!match || stamp === undefined || seconds === null) {
      markdown.push(raw);
      return;
    }
    if (markdown.some((line) => line.trim() !== "")) flushMarkdown();
    markdown = [];
    const last = blocks[blocks.length - 1];
    const line: TranscriptLine = { seconds, stamp, text: match[2] ?? "", line: index + 1 };
    if (last?.kind === "transcript") last.lines.push(line);
    else blocks.push({ kind: "transcript", lines: [line] });
  });
  flushMarkdown();
  return blocks;
}

export function parseSource(text: string, file: string): SourceResult {
  const { frontmatter, body } = splitFrontmatter(text);
  if (frontmatter === null) return { ok: false, file, errors: [{ file, line: 1, message: "a source page starts with YAML frontmatter between --- lines (title, …)" }] };
  const parsed = parsePositionedYaml(frontmatter, file, 2);
  if ("errors" in parsed) return { ok: false, file, errors: parsed.errors };
  const checked = sourceFrontmatterSchema.safeParse(parsed.yaml.data);
  if (!checked.success) return { ok: false, file, errors: zodErrors(parsed.yaml, checked.error) };
  const blocks = parseSourceBody(body);
  return {
    ok: true,
    source: { frontmatter: checked.data, blocks, transcript: blocks.flatMap((b) => (b.kind === "transcript" ? b.lines : [])), file },
  };
}

/** Parsed source pages, by file, parsed again when the file's content changed. */
const parsedSources = (() => {
  const processWide = globalThis as typeof globalThis & { studySheetsSourceCache?: ContentCache<SourceResult> };
  return CACHES_PER_PROCESS ? (processWide.studySheetsSourceCache ??= new ContentCache()) : new ContentCache<SourceResult>();
})();

export function loadSource(chapter: ChapterEntry): SourceResult | null {
  if (!chapter.dir || !chapter.hasSource) return null;
  const file = path.join(chapter.dir, "source.md");
  return parsedSources.get(
    file,
    () => ({ content: fs.readFileSync(file, "utf8") }),
    ({ content }) => parseSource(content, displayPath(file)),
    chapter.dir,
  );
}
