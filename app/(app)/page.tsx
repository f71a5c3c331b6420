import Link from "next/link";
import { AppHeader } from "@/components/app/AppHeader";
import { CoursePackImport } from "@/components/authoring/CoursePackImport";
import { NewCourseDialog } from "@/components/authoring/NewCourseDialog";
import { ProgressMeter } from "@/components/library/ProgressMeter";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { loadLibrary } from "@/lib/library/library";
import { timeAgo } from "@/lib/library/text";

// Progress and notes change as the user studies: never a page frozen at build time.
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const { courses, recentNotes } = await loadLibrary();
  const now = new Date();
  return (
    <>
      <AppHeader />
      <main className="library-page">
        <div className="library-intro">
          <h1>Library</h1>
          <NewCourseDialog />
          <p className="app-hint">
            <kbd>/</kbd> or <kbd>Ctrl K</kbd> finds any chapter, sentence or note · <kbd>?</kbd> lists every shortcut
          </p>
          <p className="app-hint">
            <MasteryFigure /> · <Link href="/review">Review due cards →</Link>
          </p>
        </div>
        <section aria-labelledby="courses-title" className="library-section">
          <h2 id="courses-title">Courses</h2>
          {courses.length === 0 ? (
            <p className="library-empty">
              No courses yet: add a folder under <code>content/</code> (see content/AUTHORING.md).
            </p>
          ) : (
            <ul className="course-list">
              {courses.map((entry) =>
                entry.ok ? (
                  <li key={entry.course.id} className="course-card" data-course={entry.course.id}>
                    <h3 className="course-card-title">
                      <Link href={`/courses/${entry.course.id}`} className="card-link">
                        {entry.course.title}
                      </Link>
                    </h3>
                    {entry.course.titleKr ? <p className="course-card-kr">{entry.course.titleKr}</p> : null}
                    <p className="course-card-meta">
                      {entry.course.author} · {entry.progress.written} / {entry.progress.chapters} chapters written
                      {entry.progress.broken > 0 ? (
                        <span className="course-card-broken-count" data-broken-chapters={entry.progress.broken}>
                          {" "}
                          · ⚠ {entry.progress.broken} broken
                        </span>
                      ) : null}
                    </p>
                    <ProgressMeter progress={entry.progress} label={`${entry.course.title}: chapters done`} />
                    <p className="course-card-meta">
                      <MasteryFigure course={entry.course.id} />
                    </p>
                    <p className="course-card-continue">
                      {entry.progress.continueWith ? (
                        <>
                          <Link href={`/courses/${entry.course.id}/${entry.progress.continueWith.number}`} className="card-action" data-last-studied={entry.progress.continueWith.number}>
                            {entry.progress.continueWith.at ? "Continue" : "Start"}: {entry.progress.continueWith.number}. {entry.progress.continueWith.title} →
                          </Link>{" "}
                          {entry.progress.continueWith.at ? (
                            <time dateTime={entry.progress.continueWith.at.toISOString()} title={entry.progress.continueWith.at.toLocaleString("en")}>
                              {timeAgo(entry.progress.continueWith.at, now)}
                            </time>
                          ) : null}
                        </>
                      ) : (
                        <span className="course-card-fresh">Nothing to read yet</span>
                      )}
                    </p>
                  </li>
                ) : (
                  <li key={entry.id} className="course-card course-card-broken" data-course={entry.id}>
                    <h3 className="course-card-title">
                      <Link href={`/courses/${entry.id}`} className="card-link">
                        {entry.id}
                      </Link>
                    </h3>
                    <p role="note">
                      ⚠ {entry.errorCount} content error{entry.errorCount === 1 ? "" : "s"}: open the course to see what to fix.
                    </p>
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
        <section aria-label="Import a course" className="library-section">
          <CoursePackImport />
        </section>
        <section aria-labelledby="recent-notes-title" className="library-section">
          <h2 id="recent-notes-title">Latest notes</h2>
          {recentNotes.length === 0 ? (
            <p className="library-empty">
              No notes yet. Open a chapter and press <kbd>n</kbd>, or ✎ on a section of the sheet.
            </p>
          ) : (
            <ol className="library-notes">
              {recentNotes.map((note) => (
                <li key={note.id} className="library-note" data-note-link={note.id}>
                  <Link href={note.url}>
                    <span className="library-note-where">{note.where}</span>
                    <span className="library-note-excerpt">{note.excerpt || "(empty note)"}</span>
                    <span className="library-note-meta">
                      {note.courseTitle} · <time dateTime={note.updatedAt.toISOString()}>{timeAgo(note.updatedAt, now)}</time>
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
    </>
  );
}
