"use client";

import { useTranslations } from "next-intl";
import { RICH_TAGS } from "@/components/app/rich-tags";

/**
 * A chapter that fails while it is drawn shows this in place of its page; the rest of the app,
 * and every other chapter, keep working.
 */
export default function ChapterError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors.chapterRender");
  return (
    <main className="chapter-layout">
      <div className="content-errors" role="alert" data-content-errors data-render-error>
        <h2>⚠ {t("title")}</h2>
        <p>{t.rich("body", RICH_TAGS)}</p>
        <button type="button" className="btn" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
