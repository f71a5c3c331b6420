import { useTranslations } from "next-intl";
import { TimestampNoteButton } from "@/components/notes/TimestampNoteButton";
import type { TranscriptLine } from "@/lib/content/source";
import { formatTimestamp, videoUrlAt } from "@/lib/content/timestamps";

/** The anchor of a transcript line: search results and notes link to `…/source#t-<seconds>`. */
function transcriptLineId(seconds: number): string {
  return `t-${seconds}`;
}

/** The lines that carry their second's anchor: the first line of each second, over the whole page. */
export function anchoredLines(transcript: TranscriptLine[]): Set<number> {
  const seen = new Set<number>();
  return new Set(
    transcript.filter((line) => !seen.has(line.seconds) && seen.add(line.seconds)).map((line) => line.line),
  );
}

/**
 * Transcript lines: each timestamp opens the video at that second (new tab), each line can
 * take a note at that moment, and `#t-<seconds>` lands on the line.
 */
export function Transcript({
  course,
  chapter,
  lines,
  sourceUrl,
  anchored,
}: {
  course: string;
  chapter: number;
  lines: TranscriptLine[];
  sourceUrl: string;
  anchored: Set<number>;
}) {
  const t = useTranslations("source.transcript");
  return (
    <ol className="transcript">
      {lines.map((line) => {
        return (
          <li
            key={line.line}
            id={anchored.has(line.line) ? transcriptLineId(line.seconds) : undefined}
            className="transcript-line"
            data-seconds={line.seconds}
          >
            <a
              className="transcript-stamp"
              href={videoUrlAt(sourceUrl, line.seconds)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t("openVideoAt", { time: formatTimestamp(line.seconds) })}
            >
              [{line.stamp}]
            </a>
            <p className="transcript-text" translate="no" lang="en">
              {line.text}
            </p>
            <span className="transcript-actions">
              <TimestampNoteButton
                course={course}
                chapter={chapter}
                seconds={line.seconds}
                label={formatTimestamp(line.seconds)}
              />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
