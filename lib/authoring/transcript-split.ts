import { parseTimestamp } from "@/lib/content/timestamps";
import type { LineProblem } from "./chapter-markers";

/** A chapter's start, enough to split a transcript at it. */
export interface ChapterStart {
  number: number;
  startSeconds: number;
}

export type TranscriptSplit = { ok: true; parts: Map<number, string[]> } | { ok: false; problems: LineProblem[] };

const STAMPED_LINE = /^\[((?:\d+:)?\d{1,2}:\d{2})\]/;

/**
 * Splits a transcript in the seeds' format (`[mm:ss] text` lines) at the chapter starts: each
 * stamped line goes to the last chapter starting at or before its time, and an unstamped line
 * follows the stamped line above it. Lines are kept verbatim. A line before the first stamp, or a
 * stamp that is not a time, is reported by its line number.
 */
export function splitTranscript(text: string, chapters: readonly ChapterStart[]): TranscriptSplit {
  const ordered = [...chapters].sort((a, b) => a.startSeconds - b.startSeconds);
  const parts = new Map<number, string[]>(ordered.map((chapter) => [chapter.number, []]));
  const problems: LineProblem[] = [];
  let current: number | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const match = STAMPED_LINE.exec(raw.trim());
    if (match) {
      const stamp = match[1] ?? "";
      const seconds = parseTimestamp(stamp);
      if (seconds === null) {
        problems.push({
          line,
          code: "transcriptBadTime",
          values: { stamp },
          message: `[${stamp}] is not a time (minutes and seconds stop at 59)`,
        });
        return;
      }
      const owner = ordered.findLast((chapter) => chapter.startSeconds <= seconds) ?? ordered[0];
      current = owner ? owner.number : null;
    } else if (current === null) {
      problems.push({
        line,
        code: "transcriptNoStamp",
        message: "a transcript starts with a timestamp line like [0:00] text",
      });
      return;
    }
    if (current !== null) parts.get(current)?.push(raw.trimEnd());
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parts };
}
