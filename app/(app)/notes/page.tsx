import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app/AppHeader";
import { NoteMarkdown } from "@/components/notes/NoteMarkdown";
import { NotesFilter, type FilterCourse } from "@/components/notes/NotesFilter";
import { NotesImport } from "@/components/notes/NotesImport";
import { loadAllCourses } from "@/lib/content/course";
import { formatTimestamp } from "@/lib/content/timestamps";
import { groupByChapterAndSection } from "@/lib/notes/grouping";
import { chapterHref, momentHref, noteHref } from "@/lib/notes/links";
import { countNotes, countNotesByChapter, listNotes, toNoteJson } from "@/lib/notes/repository";
import { listNotesQuerySchema } from "@/lib/notes/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notes" };

/** Notes shown at once; a filter narrows the rest down. */
const PAGE_LIMIT = 500;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const asked = { course: params.course || undefined, chapter: params.chapter || undefined };
  const parsed = listNotesQuerySchema.safeParse(asked);
  const filter = parsed.success ? parsed.data : {};

  const courses = loadAllCourses().flatMap((result) => (result.ok ? [result.course] : []));
  const [notes, total, counts] = await Promise.all([listNotes(filter, { limit: PAGE_LIMIT }), countNotes(filter), countNotesByChapter()]);

  const courseById = new Map(courses.map((course) => [course.id, course]));
  const filterCourses: FilterCourse[] = [...new Set([...courses.map((course) => course.id), ...counts.map((row) => row.course)])].map((id) => {
    const course = courseById.get(id);
    const countOf = (number: number) => counts.find((row) => row.course === id && row.chapter === number)?.count ?? 0;
    const chapters = course
      ? course.chapters.map((chapter) => ({ number: chapter.number, title: chapter.title, count: countOf(chapter.number) }))
      : counts.filter((row) => row.course === id).map((row) => ({ number: row.chapter, title: "(not in the library)", count: row.count }));
    return { id, title: course?.title ?? `${id} (not in the library)`, chapters };
  });
  const exportQuery = new URLSearchParams(Object.entries(filter).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  const exportHref = (format: string) => `/api/notes/export?${new URLSearchParams([...exportQuery, ["format", format]])}`;

  return (
    <>
      <AppHeader crumbs={[{ label: "Notes" }]} />
      <main className="notes-page" data-notes-page>
        <div className="notes-page-head">
          <h1>Notes</h1>
          <NotesFilter courses={filterCourses} course={filter.course} chapter={filter.chapter} />
          <div className="notes-page-actions">
            <a className="btn" href={exportHref("markdown")} data-export="markdown">
              ⬇ Markdown
            </a>
            <a className="btn" href={exportHref("json")} data-export="json">
              ⬇ JSON
            </a>
            <NotesImport />
          </div>
        </div>
        {parsed.success ? null : (
          <p className="notes-alert" role="alert">
            That filter is not valid ({parsed.error.issues[0]?.path.join(".")}); showing every note.
          </p>
        )}
        <p className="notes-muted" data-notes-total={total}>
          {total === 0 ? "No notes here yet. Open a chapter and press N to write one." : `${total} note${total === 1 ? "" : "s"}`}
          {total > notes.length ? ` — showing the first ${notes.length}; choose a course or chapter to see the rest.` : ""}
        </p>

        {groupByChapterAndSection(notes.map(toNoteJson)).map(({ course: courseId, chapter: number, sections }) => {
          const course = courseById.get(courseId);
          const chapter = course?.chapters.find((entry) => entry.number === number);
          return (
            <section key={`${courseId}/${number}`} className="notes-page-chapter" data-chapter-notes={`${courseId}/${number}`}>
              <h2>
                <Link href={chapterHref(courseId, number)}>
                  <span className="notes-page-course">{course?.title ?? courseId}</span> {number}. {chapter?.title ?? "(not in the library)"}
                </Link>
              </h2>
              {sections.map((group) => (
                <div key={group.section ?? ""} className="notes-page-section">
                  <h3>{group.section === null ? "Whole chapter" : (group.title ?? group.section)}</h3>
                  {group.notes.map((note) => (
                    <article key={note.id} className="note-card notes-page-note" data-note-id={note.id}>
                      <div className="note-meta">
                        {note.timestamp !== null ? (
                          chapter?.hasSource ? (
                            <a className="note-time" href={momentHref(courseId, number, note.timestamp)} title="Open the transcript at this moment">
                              ⏱ {formatTimestamp(note.timestamp)}
                            </a>
                          ) : (
                            <span className="note-time">⏱ {formatTimestamp(note.timestamp)}</span>
                          )
                        ) : null}
                        <time className="note-date" dateTime={note.updatedAt}>
                          {note.updatedAt.slice(0, 10)}
                        </time>
                        <Link className="notes-open-link" href={noteHref(note)}>
                          Open on the sheet →
                        </Link>
                      </div>
                      <div className="note-body">{note.body.trim() ? <NoteMarkdown text={note.body} /> : <p className="note-empty">Empty note</p>}</div>
                    </article>
                  ))}
                </div>
              ))}
            </section>
          );
        })}
      </main>
    </>
  );
}
