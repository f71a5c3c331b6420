import { formatTimestamp, videoUrlAt } from "@/lib/content/timestamps";
import { groupByChapterAndSection } from "./grouping";
import { EXPORT_FORMAT, type NoteJson, type NotesFile } from "./schemas";

/** The export file: every field needed to bring the notes back exactly (ids, dates, versions). */
export function toNotesFile(notes: readonly NoteJson[]): NotesFile {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    notes: notes.map(
      ({ id, course, chapter, section, sectionTitle, timestamp, body, version, createdAt, updatedAt }) => ({
        id,
        course,
        chapter,
        section,
        sectionTitle,
        timestamp,
        body,
        version,
        createdAt,
        updatedAt,
      }),
    ),
  };
}

/** Titles for the headings of the Markdown export; a chapter no longer in the content gets none. */
export interface ChapterTitles {
  courseTitle?: string;
  chapterTitle?: string;
  /** The video, so timestamps become links to that moment. */
  sourceUrl?: string;
}

function noteHeading(note: NoteJson, sourceUrl: string | undefined): string {
  const written = note.createdAt.slice(0, 10);
  if (note.timestamp === null) return `#### Note · ${written}`;
  const stamp = formatTimestamp(note.timestamp);
  const moment = sourceUrl ? `[⏱ ${stamp}](${videoUrlAt(sourceUrl, note.timestamp)})` : `⏱ ${stamp}`;
  return `#### ${moment} · ${written}`;
}

/**
 * The notes as one Markdown document: a heading per course and chapter, then per section
 * (chapter-wide notes first), each note under its timestamp. Notes keep the given order.
 */
export function notesToMarkdown(
  notes: readonly NoteJson[],
  titlesOf: (course: string, chapter: number) => ChapterTitles,
  exportedAt: Date,
): string {
  const lines = [
    `# Study notes`,
    "",
    `Exported ${exportedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${notes.length} note${notes.length === 1 ? "" : "s"}`,
    "",
  ];
  for (const { course, chapter, sections } of groupByChapterAndSection(notes)) {
    const titles = titlesOf(course, chapter);
    const chapterName = titles.chapterTitle ? `${chapter}. ${titles.chapterTitle}` : `Chapter ${chapter}`;
    lines.push(`## ${titles.courseTitle ?? course} — ${chapterName}`, "");
    for (const group of sections) {
      lines.push(`### ${group.section === null ? "Chapter notes" : (group.title ?? group.section)}`, "");
      for (const note of group.notes) lines.push(noteHeading(note, titles.sourceUrl), "", note.body.trim(), "");
    }
  }
  return lines.join("\n");
}
