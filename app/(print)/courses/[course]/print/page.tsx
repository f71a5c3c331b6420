import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintNotes } from "@/components/notes/PrintNotes";
import { BookletContents } from "@/components/pdf/BookletContents";
import { BookletCover } from "@/components/pdf/BookletCover";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { Sheet } from "@/components/sheet/Sheet";
import { sheetDiagramEdits } from "@/lib/diagrams/chapter-diagrams";
import { listNotes, toNoteJson } from "@/lib/notes/repository";
import { chapterStartPages, FRONT_PAGES } from "@/lib/pdf/booklet-plan";
import { parseCoursePrintQuery } from "@/lib/pdf/print-urls";
import { courseToPrint, printedTitle } from "@/lib/pdf/sources";

type Params = Promise<{ course: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const toPrint = await courseToPrint((await params).course);
  return toPrint.kind === "printable" ? { title: toPrint.course.title } : {};
}

/**
 * The whole course as printed: cover, contents, then every written chapter's sheet (and its notes
 * with ?notes=1). The booklet PDF is printed from parts of this page (see lib/pdf/print-urls).
 */
export default async function CoursePrintPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { course: courseId } = await params;
  const query = parseCoursePrintQuery(await searchParams);
  const toPrint = await courseToPrint(courseId);
  if (toPrint.kind === "not-found") notFound();
  if (toPrint.kind === "content-errors") return <ContentErrorList errors={toPrint.errors} scope="booklet" />;
  const { course, chapters } = toPrint;
  const printed = query.chapters ? chapters.filter(({ entry }) => query.chapters?.includes(entry.number)) : chapters;
  // Without notes every chapter is one page, so the contents knows its page numbers.
  const startPages =
    query.pages ??
    (query.notes
      ? undefined
      : chapterStartPages(
          FRONT_PAGES,
          chapters.map(() => 1),
        ));
  const sheets =
    query.part === "front"
      ? []
      : await Promise.all(
          printed.map(async ({ entry, sheet }) => ({
            entry,
            sheet,
            diagramEdits: await sheetDiagramEdits(sheet),
            notes: query.notes ? (await listNotes({ course: course.id, chapter: entry.number })).map(toNoteJson) : null,
          })),
        );
  return (
    <main className="print-pages" data-quiz={query.quiz ? "" : undefined}>
      {query.part === "sheets" ? null : (
        <>
          <BookletCover course={course} chapterCount={chapters.length} printedOn={new Date()} />
          <BookletContents chapters={chapters.map(printedTitle)} startPages={startPages} />
        </>
      )}
      {sheets.map(({ entry, sheet, diagramEdits, notes }) => (
        <section key={entry.number} className="print-chapter" data-print-chapter={entry.number}>
          <Sheet
            sheet={sheet}
            courseTitle={course.title}
            startSeconds={entry.startSeconds}
            diagramEdits={diagramEdits}
          />
          {notes ? (
            <PrintNotes chapterTitle={`${entry.number}. ${entry.title}`} sections={sheet.sections} notes={notes} />
          ) : null}
        </section>
      ))}
    </main>
  );
}
