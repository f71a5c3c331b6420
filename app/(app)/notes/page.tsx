import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { NoteMarkdown } from "@/components/notes/NoteMarkdown";
import { NotesFilter, type FilterCourse } from "@/components/notes/NotesFilter";
import { NotesImport } from "@/components/notes/NotesImport";
import { loadAllCourses } from "@/lib/content/course";
import { formatTimestamp } from "@/lib/content/timestamps";
import { groupByChapterAndSection } from "@/lib/notes/grouping";
import { chapterHref, momentHref, noteHref } from "@/lib/notes/links";
import { countNotes, countNotesByChapter, listNotesChecked, toNoteJson } from "@/lib/notes/repository";
import { listNotesQuerySchema } from "@/lib/notes/schemas";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notesPage");
  return { title: t("title") };
}

/** Notes shown at once; a filter narrows the rest down. */
const PAGE_LIMIT = 500;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotesPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("notesPage");
  const format = await getFormatter();
  const params = await searchParams;
  const asked = { course: params.course || undefined, chapter: params.chapter || undefined };
  const parsed = listNotesQuerySchema.safeParse(asked);
  const filter = parsed.success ? parsed.data : {};

  const courses = loadAllCourses().flatMap((result) => (result.ok ? [result.course] : []));
  const [{ notes, unreadable }, total, counts] = await Promise.all([
    listNotesChecked(filter, { limit: PAGE_LIMIT }),
    countNotes(filter),
    countNotesByChapter(),
  ]);

  const courseById = new Map(courses.map((course) => [course.id, course]));
  const filterCourses: FilterCourse[] = [
    ...new Set([...courses.map((course) => course.id), ...counts.map((row) => row.course)]),
  ].map((id) => {
    const course = courseById.get(id);
    const countOf = (number: number) => counts.find((row) => row.course === id && row.chapter === number)?.count ?? 0;
    const chapters = course
      ? course.chapters.map((chapter) => ({
          number: chapter.number,
          title: chapter.title,
          count: countOf(chapter.number),
        }))
      : counts
          .filter((row) => row.course === id)
          .map((row) => ({ number: row.chapter, title: t("notInLibrary"), count: row.count }));
    return { id, title: course?.title ?? t("courseNotInLibrary", { id }), chapters };
  });
  const exportQuery = new URLSearchParams(
    Object.entries(filter).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
  const exportHref = (format: string) =>
    `/api/notes/export?${new URLSearchParams([...exportQuery, ["format", format]])}`;

  return (
    <>
      <AppHeader crumbs={[{ label: t("title"), translated: true }]} />
      <main className="notes-page" data-notes-page>
        <div className="notes-page-head">
          <h1>{t("title")}</h1>
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
            {t("badFilter", { field: parsed.error.issues[0]?.path.join(".") ?? "" })}
          </p>
        )}
        <p className="notes-muted" data-notes-total={total}>
          {total === 0 ? t("empty") : t("total", { count: total })}
          {total > notes.length + unreadable.length ? ` — ${t("truncated", { shown: notes.length })}` : ""}
        </p>
        {unreadable.length > 0 ? (
          <p className="notes-alert" role="alert" data-unreadable-notes={unreadable.length}>
            {t("unreadable", { count: unreadable.length })} <span translate="no">{unreadable.join(", ")}</span>
          </p>
        ) : null}

        {groupByChapterAndSection(notes.map(toNoteJson)).map(({ course: courseId, chapter: number, sections }) => {
          const course = courseById.get(courseId);
          const chapter = course?.chapters.find((entry) => entry.number === number);
          return (
            <section
              key={`${courseId}/${number}`}
              className="notes-page-chapter"
              data-chapter-notes={`${courseId}/${number}`}
            >
              <h2>
                <Link href={chapterHref(courseId, number)} translate={chapter ? "no" : undefined}>
                  <span className="notes-page-course" translate="no">
                    {course?.title ?? courseId}
                  </span>{" "}
                  {number}. {chapter?.title ?? t("notInLibrary")}
                </Link>
              </h2>
              {sections.map((group) => (
                <div key={group.section ?? ""} className="notes-page-section">
                  {group.section === null ? (
                    <h3>{t("wholeChapter")}</h3>
                  ) : (
                    <h3 translate="no">{group.title ?? group.section}</h3>
                  )}
                  {group.notes.map((note) => (
                    <article key={note.id} className="note-card notes-page-note" data-note-id={note.id}>
                      <div className="note-meta">
                        {note.timestamp !== null ? (
                          chapter?.hasSource ? (
                            <a
                              className="note-time"
                              href={momentHref(courseId, number, note.timestamp)}
                              title={t("openMoment")}
                            >
                              ⏱ {formatTimestamp(note.timestamp)}
                            </a>
                          ) : (
                            <span className="note-time">⏱ {formatTimestamp(note.timestamp)}</span>
                          )
                        ) : null}
                        <time className="note-date" dateTime={note.updatedAt}>
                          {format.dateTime(new Date(note.updatedAt), "date")}
                        </time>
                        <Link className="notes-open-link" href={noteHref(note)}>
                          {t("openOnSheet")} →
                        </Link>
                      </div>
                      <div className="note-body">
                        {note.body.trim() ? (
                          <div translate="no">
                            <NoteMarkdown text={note.body} />
                          </div>
                        ) : (
                          <p className="note-empty">{t("emptyNote")}</p>
                        )}
                      </div>
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
