import { notFound } from "next/navigation";
import { PrintNotes } from "@/components/notes/PrintNotes";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { Sheet } from "@/components/sheet/Sheet";
import { loadChapterPage } from "@/lib/content/chapter";

type Params = Promise<{ course: string; chapter: string }>;
type SearchParams = Promise<{ notes?: string }>;

/** Exactly what is printed: the sheet alone on one A4 page, and with ?notes=1 the notes after it. */
export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { course: courseId, chapter: chapterParam } = await params;
  const { notes } = await searchParams;
  const lookup = await loadChapterPage(courseId, chapterParam);
  if (lookup.kind === "not-found") notFound();
  if (lookup.kind === "course-errors") return <ContentErrorList errors={lookup.errors} title="This course has content errors" />;
  const { course, chapter, sheet } = lookup.data;
  if (sheet === null) notFound();
  if (!sheet.ok) return <ContentErrorList errors={sheet.errors} />;
  return (
    <main className="print-pages">
      <Sheet sheet={sheet.sheet} courseTitle={course.title} startSeconds={chapter.startSeconds} />
      {notes === "1" ? <PrintNotes course={course.id} chapter={chapter.number} chapterTitle={`${chapter.number}. ${chapter.title}`} sections={sheet.sheet.sections} /> : null}
    </main>
  );
}
