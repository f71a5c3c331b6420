import { formatTimestamp, parseTimestamp } from "@/lib/content/timestamps";
import type { Refusal } from "./refusals";

/** One chapter as YouTube's chapter markers give it: `1:00 Pretraining data (internet)`. */
interface ChapterMarker {
  number: number;
  title: string;
  /** The start as written in course.yaml (`m:ss` or `h:mm:ss`). */
  start: string;
  startSeconds: number;
}

/** A line of pasted input that could not be read, by its 1-based line number. */
export interface LineProblem extends Refusal {
  line: number;
  message: string;
}

export type MarkersResult = { ok: true; chapters: ChapterMarker[] } | { ok: false; problems: LineProblem[] };

/** course.yaml numbers chapters 01..99 (two-digit folders). */
const MAX_CHAPTERS = 99;

// "0:00 Intro", "1:02:03 - Title", "00:00 – Title": a time, an optional dash, then the title.
const MARKER_LINE = /^(\d+(?::\d{1,2}){1,2})\s*(?:[-–—|:]\s*)?(.*)$/;

/**
 * Reads chapter markers pasted the way YouTube shows them, one a line. Blank lines are skipped;
 * every bad line is reported (time unreadable, no title, not later than the previous chapter),
 * and nothing is returned unless the whole input is valid.
 */
export function parseChapterMarkers(text: string): MarkersResult {
  const chapters: ChapterMarker[] = [];
  const problems: LineProblem[] = [];
  let previousSeconds = -1;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    const match = MARKER_LINE.exec(trimmed);
    const [, stamp = "", rest = ""] = match ?? [];
    const seconds = match ? parseTimestamp(stamp) : null;
    if (!match || seconds === null) {
      problems.push({
        line,
        code: "markerNoTime",
        values: { text: trimmed },
        message: `"${trimmed}" does not start with a time like 0:00 or 1:02:03`,
      });
      return;
    }
    const title = rest.trim();
    if (title === "") {
      problems.push({
        line,
        code: "markerNoTitle",
        values: { stamp },
        message: `the chapter at ${stamp} has no title`,
      });
      return;
    }
    if (seconds <= previousSeconds) {
      problems.push({
        line,
        code: "markerNotLater",
        values: { stamp },
        message: `${stamp} is not later than the chapter before it`,
      });
      return;
    }
    previousSeconds = seconds;
    chapters.push({ number: chapters.length + 1, title, start: formatTimestamp(seconds), startSeconds: seconds });
  });
  if (chapters.length === 0 && problems.length === 0) {
    problems.push({
      line: 1,
      code: "markersEmpty",
      message: "paste at least one chapter marker, e.g. 0:00 Introduction",
    });
  }
  if (chapters.length > MAX_CHAPTERS) {
    problems.push({
      line: 1,
      code: "markersTooMany",
      values: { max: MAX_CHAPTERS, count: chapters.length },
      message: `a course has at most ${MAX_CHAPTERS} chapters; this list has ${chapters.length}`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, chapters };
}
