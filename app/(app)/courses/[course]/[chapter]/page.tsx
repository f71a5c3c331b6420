import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { WriteSheet } from "@/components/authoring/WriteSheet";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { ChapterNav } from "@/components/course/ChapterNav";
import { NotesPanel } from "@/components/notes/NotesPanel";
import { Sheet } from "@/components/sheet/Sheet";
import { SheetViewer } from "@/components/sheet/SheetViewer";
import { chapterDocumentTitle } from "@/lib/content/chapter";
import { sheetDiagramEditsForPage } from "@/lib/diagrams/chapter-diagrams";
import { chapterRoute, type ChapterParams } from "./chapter-route";
import { formatTimestamp } from "@/lib/content/timestamps";
import { StudyMode } from "@/components/study/StudyMode";

// Rendered on demand, not at build time: the build stays the same size however many courses
// there are, and an edited sheet shows at once (lib/content caches each sheet by its content).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: ChapterParams }): Promise<Metadata> {
  const { course, chapter } = await params;
  const title = await chapterDocumentTitle(course, chapter);
  return title ? { title: `${title}` } : {};
}

export default chapterRoute(async function ChapterPage(page) {
  const { course, chapter, sheet } = page;
  const base = `/courses/${course.id}`;
  const t = await getTranslations("chapter");
  const diagramEdits = sheet?.ok ? await sheetDiagramEditsForPage(sheet.sheet) : [];

  return (
    <>
      <AppHeader
        crumbs={[{ label: course.title, href: base }, { label: `${chapter.number}. ${chapter.title}` }]}
        actions={<ChapterNav page={page} />}
      />
      <main className="chapter-layout">
        <div className="chapter-sheet">
          {sheet === null ? (
            <div className="not-written" data-not-written>
              <p className="not-written-title">✏️ {t("notWritten")}</p>
              <p>
                {t.rich("notWrittenHelp", {
                  ...RICH_TAGS,
                  number: chapter.number,
                  title: chapter.title,
                  start: chapter.startSeconds !== undefined ? formatTimestamp(chapter.startSeconds) : "none",
                })}
              </p>
              {chapter.hasSource ? <Link href={`${base}/${chapter.number}/source`}>{t("readSource")} →</Link> : null}
              <WriteSheet course={course.id} chapter={chapter.number} />
            </div>
          ) : sheet.ok ? (
            <>
              <StudyMode course={course.id} chapter={chapter.number} />
              <SheetViewer>
                <Sheet
                  sheet={sheet.sheet}
                  courseTitle={course.title}
                  startSeconds={chapter.startSeconds}
                  diagramEdits={diagramEdits}
                  editableDiagrams
                />
              </SheetViewer>
            </>
          ) : (
            <ContentErrorList errors={sheet.errors} />
          )}
        </div>
        <NotesPanel
          course={course.id}
          chapter={chapter.number}
          sections={sheet?.ok ? sheet.sheet.sections.map(({ id, title, icon }) => ({ id, title, icon })) : []}
          hasSource={chapter.hasSource}
        />
      </main>
    </>
  );
});
