import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintNotes } from "@/components/notes/PrintNotes";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { Sheet } from "@/components/sheet/Sheet";
import { loadChapterPage } from "@/lib/content/chapter";
import { sheetDiagramEdits } from "@/lib/diagrams/chapter-diagrams";
import { listNotes, toNoteJson } from "@/lib/notes/repository";

type Params = Promise<{ course: string; chapter: string }>;
type SearchParams = Promise<{ notes?: string; quiz?: string }>;

/** The page title becomes the PDF's title: the chapter as its sheet titles it. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { course: courseId, chapter: chapterParam } = await params;
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind !== "found") return {};
  const { chapter, sheet } = lookup.data;
  return { title: `${chapter.number}. ${sheet?.ok ? sheet.sheet.title : chapter.title}` };
}

/**
 * Exactly what is printed: the sheet alone on one A4 page, and with ?notes=1 the notes after it.
 * ?quiz=1 blanks every card's answer as a pen line (components/study/study.css), for self-testing.
 */
export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { course: courseId, chapter: chapterParam } = await params;
  const { notes, quiz } = await searchParams;
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind === "not-found") notFound();
  if (lookup.kind === "course-errors") return <ContentErrorList errors={lookup.errors} scope="course" />;
  const { course, chapter, sheet } = lookup.data;
  if (sheet === null) notFound();
  if (!sheet.ok) return <ContentErrorList errors={sheet.errors} />;
  const printedNotes =
    notes === "1" ? (await listNotes({ course: course.id, chapter: chapter.number })).map(toNoteJson) : null;
  return (
    <main className="print-pages" data-quiz={quiz === "1" ? "" : undefined}>
      <Sheet
        sheet={sheet.sheet}
        courseTitle={course.title}
        startSeconds={chapter.startSeconds}
        diagramEdits={await sheetDiagramEdits(sheet.sheet)}
      />
      {printedNotes ? (
        <PrintNotes
          chapterTitle={`${chapter.number}. ${chapter.title}`}
          sections={sheet.sheet.sections}
          notes={printedNotes}
        />
      ) : null}
    </main>
  );
}
