import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { ChapterNav } from "@/components/course/ChapterNav";
import { SourceBody } from "@/components/source/SourceBody";
import { chapterDocumentTitle } from "@/lib/content/chapter";
import { chapterRoute, type ChapterParams } from "../chapter-route";
import { loadSource } from "@/lib/content/source";
import { formatTimestamp, videoUrlAt } from "@/lib/content/timestamps";

// Rendered on demand, not at build time: the build stays the same size however many courses
// there are, and an edited sheet shows at once (lib/content caches each sheet by its content).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: ChapterParams }): Promise<Metadata> {
  const { course, chapter } = await params;
  const title = await chapterDocumentTitle(course, chapter);
  const t = await getTranslations("source");
  return title ? { title: t("documentTitle", { title }) } : {};
}

export default chapterRoute(async function SourcePage(page) {
  const { course, chapter } = page;
  const source = loadSource(chapter);
  const t = await getTranslations("source");
  const base = `/courses/${course.id}`;
  const sourceUrl = (source?.ok ? source.source.frontmatter.source_url : undefined) ?? course.sourceUrl;

  return (
    <>
      <AppHeader
        crumbs={[
          { label: course.title, href: base },
          { label: `${chapter.number}. ${chapter.title}`, href: `${base}/${chapter.number}` },
          { label: t("crumb"), translated: true },
        ]}
        actions={<ChapterNav page={page} view="source" />}
      />
      <main className="source-page" data-source-page>
        <header className="source-header">
          <p className="source-kicker">{t("kicker", { number: chapter.number })}</p>
          <h1 translate="no">{source?.ok ? source.source.frontmatter.title : `${chapter.number}. ${chapter.title}`}</h1>
          {(source?.ok ? source.source.frontmatter.titleKr : chapter.titleKr) ? (
            <p className="source-title-kr" translate="no">
              {source?.ok ? source.source.frontmatter.titleKr : chapter.titleKr}
            </p>
          ) : null}
          <p className="source-links">
            <Link href={`${base}/${chapter.number}`} className="btn">
              📄 {chapter.hasSheet ? t("sheet") : t("chapterPage")}
            </Link>
            <a
              href={videoUrlAt(sourceUrl, chapter.startSeconds ?? 0)}
              className="btn"
              target="_blank"
              rel="noopener noreferrer"
            >
              ▶{" "}
              {chapter.startSeconds !== undefined
                ? t("watchFrom", { time: formatTimestamp(chapter.startSeconds) })
                : t("watch")}
            </a>
          </p>
        </header>
        {source === null ? (
          <div className="not-written" data-no-source>
            <p className="not-written-title">📜 {t("none")}</p>
            <p>
              {t.rich("noneHelp", {
                ...RICH_TAGS,
                number: chapter.number,
                title: chapter.title,
                file: `content/${course.id}/${chapter.slug}/source.md`,
              })}
            </p>
          </div>
        ) : !source.ok ? (
          <ContentErrorList errors={source.errors} scope="source" />
        ) : (
          <SourceBody course={course.id} chapter={chapter.number} source={source.source} sourceUrl={sourceUrl} />
        )}
      </main>
    </>
  );
});
