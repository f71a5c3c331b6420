import { useTranslations } from "next-intl";
import Link from "next/link";
import { PdfDownloadLink } from "@/components/pdf/PdfDownloadLink";
import type { ChapterPageData } from "@/lib/content/chapter";
import { chapterPdfFileName } from "@/lib/pdf/file-names";
import { ChapterKeyboard } from "./ChapterKeyboard";
import { chapterPageHref, type ChapterView } from "./chapter-pages";

/**
 * Previous / next, the chapter switcher and the chapter's links (sheet or source, print, PDF),
 * on a chapter's sheet page or its source page (`view`).
 */
export function ChapterNav({ page, view = "sheet" }: { page: ChapterPageData; view?: ChapterView }) {
  const { course, chapter, previous, next } = page;
  const printable = page.sheet?.ok === true;
  const t = useTranslations("chapter.nav");
  const base = `/courses/${course.id}`;
  const chapters = course.chapters.map((c) => ({
    number: c.number,
    title: c.title,
    written: c.hasSheet,
    hasSource: c.hasSource,
  }));
  return (
    <div className="chapter-nav">
      {previous ? (
        <Link
          href={chapterPageHref(base, chapters, previous.number, view)}
          rel="prev"
          className="btn"
          title={`← ${previous.number}. ${previous.title}`}
          data-nav="previous"
        >
          ← <span className="sr-only">{t("previous")}</span> {previous.number}
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">
          ←
        </span>
      )}
      <ChapterKeyboard
        base={base}
        current={chapter.number}
        chapters={chapters}
        previous={previous?.number}
        next={next?.number}
        hasSource={chapter.hasSource}
        view={view}
      />
      {next ? (
        <Link
          href={chapterPageHref(base, chapters, next.number, view)}
          rel="next"
          className="btn"
          title={`${next.number}. ${next.title} →`}
          data-nav="next"
        >
          <span className="sr-only">{t("next")}</span> {next.number} →
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">
          →
        </span>
      )}
      {view === "source" ? (
        <Link href={`${base}/${chapter.number}`} className="btn" aria-keyshortcuts="s" data-nav="sheet">
          📄 {t("sheet")}
        </Link>
      ) : chapter.hasSource ? (
        <Link href={`${base}/${chapter.number}/source`} className="btn" aria-keyshortcuts="s" data-nav="source">
          📜 {t("source")}
        </Link>
      ) : null}
      {view === "sheet" ? (
        <Link href={`${base}/${chapter.number}/edit`} className="btn" aria-keyshortcuts="e" data-nav="edit">
          ✏️ {t("edit")}
        </Link>
      ) : null}
      {printable ? (
        <>
          <Link href={`${base}/${chapter.number}/print`} className="btn" target="_blank">
            🖨 {t("print")}
          </Link>
          <PdfDownloadLink
            href={`/api/pdf/${course.id}/${chapter.number}`}
            fileName={chapterPdfFileName(course.id, chapter)}
          >
            ⬇ {t("pdf")}
          </PdfDownloadLink>
        </>
      ) : null}
    </div>
  );
}
