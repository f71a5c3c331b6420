import Link from "next/link";
import { newNoteAtHref } from "@/lib/notes/links";

/**
 * "Note at this moment" for a transcript line of the source page: opens the chapter page (the
 * sheet beside the notes panel) with a new note at `seconds` ready to type into. A plain link, so
 * it works from server components, opens in a new tab with a middle click and needs no script.
 */
export function TimestampNoteButton({ course, chapter, seconds, label }: { course: string; chapter: number; seconds: number; label: string }) {
  return (
    <Link href={newNoteAtHref(course, chapter, seconds)} className="timestamp-note-button" aria-label={`Write a note at ${label}`} title={`Write a note at ${label}`} data-note-at={seconds}>
      ✎<span className="sr-only"> note</span>
    </Link>
  );
}
