import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { CoursePackImport } from "@/components/authoring/CoursePackImport";
import { NewCourseDialog } from "@/components/authoring/NewCourseDialog";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { LibrarySection } from "@/components/library/LibrarySection";
import { ProgressMeter } from "@/components/library/ProgressMeter";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { loadLibrary } from "@/lib/library/library";
import { timeAgo } from "@/lib/library/text";

// Progress and notes change as the user studies: never a page frozen at build time.
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const { courses, recentNotes } = await loadLibrary();
  const t = await getTranslations("library");
  const tCourse = await getTranslations("course");
  const format = await getFormatter();
  const locale = await getLocale();
  const now = new Date();
  return (
    <>
      <AppHeader />
      <main className="library-page">
        <div className="library-intro">
          <h1>{t("title")}</h1>
          <NewCourseDialog />
          <p className="app-hint">{t.rich("hint", RICH_TAGS)}</p>
          <p className="app-hint">
            <MasteryFigure /> · <Link href="/review">{t("reviewDue")} →</Link>
          </p>
        </div>
        <LibrarySection
          id="courses"
          title={t("courses")}
          empty={t.rich("noCourses", RICH_TAGS)}
          items={courses}
          listClassName="course-list"
        >
          {(entry) =>
            entry.ok ? (
              <li key={entry.course.id} className="course-card" data-course={entry.course.id}>
                <h3 className="course-card-title" translate="no">
                  <Link href={`/courses/${entry.course.id}`} className="card-link">
                    {entry.course.title}
                  </Link>
                </h3>
                {entry.course.titleKr ? (
                  <p className="course-card-kr" translate="no">
                    {entry.course.titleKr}
                  </p>
                ) : null}
                <p className="course-card-meta">
                  <span translate="no">{entry.course.author}</span> ·{" "}
                  {tCourse("written", { written: entry.progress.written, chapters: entry.progress.chapters })}
                  {entry.progress.broken > 0 ? (
                    <span className="course-card-broken-count" data-broken-chapters={entry.progress.broken}>
                      {" "}
                      · ⚠ {tCourse("broken", { count: entry.progress.broken })}
                    </span>
                  ) : null}
                </p>
                <ProgressMeter
                  progress={entry.progress}
                  label={tCourse("progressOf", { course: entry.course.title })}
                />
                <p className="course-card-meta">
                  <MasteryFigure course={entry.course.id} />
                </p>
                <p className="course-card-continue">
                  {entry.progress.continueWith ? (
                    <>
                      <Link
                        href={`/courses/${entry.course.id}/${entry.progress.continueWith.number}`}
                        className="card-action"
                        data-last-studied={entry.progress.continueWith.number}
                      >
                        {entry.progress.continueWith.at ? tCourse("continue") : tCourse("start")}{" "}
                        <span translate="no">
                          {entry.progress.continueWith.number}. {entry.progress.continueWith.title}
                        </span>{" "}
                        →
                      </Link>{" "}
                      {entry.progress.continueWith.at ? (
                        <time
                          dateTime={entry.progress.continueWith.at.toISOString()}
                          title={format.dateTime(entry.progress.continueWith.at, "full")}
                        >
                          {timeAgo(entry.progress.continueWith.at, now, locale)}
                        </time>
                      ) : null}
                    </>
                  ) : (
                    <span className="course-card-fresh">{t("nothingToRead")}</span>
                  )}
                </p>
              </li>
            ) : (
              <li key={entry.id} className="course-card course-card-broken" data-course={entry.id}>
                <h3 className="course-card-title" translate="no">
                  <Link href={`/courses/${entry.id}`} className="card-link">
                    {entry.id}
                  </Link>
                </h3>
                <p role="note">⚠ {t("brokenCourse", { count: entry.errorCount })}</p>
              </li>
            )
          }
        </LibrarySection>
        <section aria-label={t("importCourse")} className="library-section">
          <CoursePackImport />
        </section>
        <LibrarySection
          id="recent-notes"
          title={t("latestNotes")}
          empty={t.rich("noNotes", RICH_TAGS)}
          ordered
          items={recentNotes}
          listClassName="library-notes"
        >
          {(note) => (
            <li key={note.id} className="library-note" data-note-link={note.id}>
              <Link href={note.url}>
                <span className="library-note-where" translate="no">
                  {note.where}
                </span>
                {note.excerpt ? (
                  <span className="library-note-excerpt" translate="no">
                    {note.excerpt}
                  </span>
                ) : (
                  <span className="library-note-excerpt">{t("emptyNote")}</span>
                )}
                <span className="library-note-meta">
                  <span translate="no">{note.courseTitle}</span> ·{" "}
                  <time dateTime={note.updatedAt.toISOString()}>{timeAgo(note.updatedAt, now, locale)}</time>
                </span>
              </Link>
            </li>
          )}
        </LibrarySection>
      </main>
    </>
  );
}
