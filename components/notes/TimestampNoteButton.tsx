import { useTranslations } from "next-intl";
import Link from "next/link";
import { newNoteAtHref } from "@/lib/notes/links";

/**
 * "Note at this moment" for a transcript line of the source page: opens the chapter page (the
 * sheet beside the notes panel) with a new note at `seconds` ready to type into. A link, so it
 * works from server components and opens in a new tab with a middle click.
 */
export function TimestampNoteButton({
  course,
  chapter,
  seconds,
  label,
}: {
  course: string;
  chapter: number;
  seconds: number;
  label: string;
}) {
  const t = useTranslations("source.transcript");
  return (
    // No prefetch: a transcript has hundreds of these, all for the same page.
    <Link
      href={newNoteAtHref(course, chapter, seconds)}
      prefetch={false}
      className="timestamp-note-button"
      aria-label={t("noteAt", { time: label })}
      title={t("noteAt", { time: label })}
      data-note-at={seconds}
    >
      ✎
    </Link>
  );
}
