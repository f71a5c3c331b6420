import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app/AppHeader";
import { ChapterNav } from "@/components/course/ChapterNav";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { SourceMarkdown } from "@/components/source/SourceMarkdown";
import { Transcript, anchoredLines } from "@/components/source/Transcript";
import { allChapterParams, chapterDocumentTitle, loadChapterPage } from "@/lib/content/chapter";
import { loadSource } from "@/lib/content/source";
import { formatTimestamp, videoUrlAt } from "@/lib/content/timestamps";

type Params = Promise<{ course: string; chapter: string }>;

export function generateStaticParams() {
  return allChapterParams();
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { course, chapter } = await params;
  const title = await chapterDocumentTitle(course, chapter);
  return title ? { title: `Source · ${title}` } : {};
}

export default async function SourcePage({ params }: { params: Params }) {
  const { course: courseId, chapter: chapterParam } = await params;
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind === "not-found") notFound();
  if (lookup.kind === "course-errors") return <ContentErrorList errors={lookup.errors} scope="course" />;
  const { course, chapter, previous, next, sheet } = lookup.data;
  const source = loadSource(chapter);
  const base = `/courses/${course.id}`;
  const sourceUrl = (source?.ok ? source.source.frontmatter.source_url : undefined) ?? course.sourceUrl;
  const anchored = source?.ok ? anchoredLines(source.source.transcript) : new Set<number>();

  return (
    <>
      <AppHeader
        crumbs={[{ label: course.title, href: base }, { label: `${chapter.number}. ${chapter.title}`, href: `${base}/${chapter.number}` }, { label: "Source" }]}
        actions={<ChapterNav course={course} chapter={chapter} previous={previous} next={next} printable={sheet?.ok === true} view="source" />}
      />
      <main className="source-page" data-source-page>
        <header className="source-header">
          <p className="source-kicker">Source page · chapter {chapter.number}</p>
          <h1>{source?.ok ? source.source.frontmatter.title : `${chapter.number}. ${chapter.title}`}</h1>
          {(source?.ok ? source.source.frontmatter.titleKr : chapter.titleKr) ? <p className="source-title-kr">{source?.ok ? source.source.frontmatter.titleKr : chapter.titleKr}</p> : null}
          <p className="source-links">
            <Link href={`${base}/${chapter.number}`} className="btn">
              📄 {chapter.hasSheet ? "The sheet" : "Chapter page"}
            </Link>
            <a href={videoUrlAt(sourceUrl, chapter.startSeconds ?? 0)} className="btn" target="_blank" rel="noopener noreferrer">
              ▶ Watch{chapter.startSeconds !== undefined ? ` from ${formatTimestamp(chapter.startSeconds)}` : ""}
            </a>
          </p>
        </header>
        {source === null ? (
          <div className="not-written" data-no-source>
            <p className="not-written-title">📜 No source page yet</p>
            <p>
              Chapter {chapter.number}, “{chapter.title}”, has no summary or transcript. Add{" "}
              <code>
                content/{course.id}/{chapter.slug}/source.md
              </code>{" "}
              (see content/AUTHORING.md) to give it one.
            </p>
          </div>
        ) : !source.ok ? (
          <ContentErrorList errors={source.errors} scope="source" />
        ) : (
          <article className="source-body">
            {source.source.blocks.map((block, index) =>
              block.kind === "markdown" ? (
                <SourceMarkdown key={index} text={block.text} />
              ) : (
                <Transcript key={index} course={course.id} chapter={chapter.number} lines={block.lines} sourceUrl={sourceUrl} anchored={anchored} />
              ),
            )}
          </article>
        )}
      </main>
    </>
  );
}
