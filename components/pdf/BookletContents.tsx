import { getTranslations } from "next-intl/server";
import type { CSSProperties } from "react";
import { TitlePair } from "@/components/app/TitlePair";
import type { PrintedTitle } from "@/lib/pdf/sources";

/** Chapters the contents lists at full size on its one page; a longer list is set smaller. */
const FULL_SIZE_CHAPTERS = 26;
/** The smallest scale still easy to read (about 7.5 pt); beyond it the contents takes more pages. */
const MIN_SCALE = 0.62;

/**
 * The booklet's table of contents: every printed chapter with its English and Korean titles and the
 * page it starts on (when known: a notes booklet learns its page numbers only once it is printed).
 * Its heading is in the language of the request that asked for the booklet; the titles are content.
 */
export async function BookletContents({ chapters, startPages }: { chapters: PrintedTitle[]; startPages?: number[] }) {
  const t = await getTranslations("pdf.contents");
  const pages = startPages?.length === chapters.length ? startPages : undefined;
  const scale = Math.max(MIN_SCALE, Math.min(1, FULL_SIZE_CHAPTERS / chapters.length));
  return (
    <article
      className="sheet booklet-page booklet-contents"
      aria-label={t("title")}
      data-booklet-contents
      style={{ "--contents-scale": scale } as CSSProperties}
    >
      <h2 className="booklet-contents-heading">
        <span className="sheet-section-text">📑 {t("title")}</span>
      </h2>
      <ol className="booklet-contents-list">
        {chapters.map((chapter, index) => (
          <li key={chapter.number} data-contents-chapter={chapter.number}>
            <span className="booklet-contents-number">{chapter.number}</span>
            <span className="booklet-contents-titles">
              <TitlePair
                title={chapter.title}
                titleKr={chapter.titleKr}
                classNames={[undefined, "booklet-contents-kr"]}
              />
            </span>
            <span className="booklet-contents-leader" aria-hidden="true" />
            {pages ? <span className="booklet-contents-page">{pages[index]}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
