import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { TitlePair } from "@/components/app/TitlePair";
import { CoursePackExport } from "@/components/authoring/CoursePackExport";
import { RequestUpload } from "@/components/authoring/RequestUpload";
import { ProgressMeter } from "@/components/library/ProgressMeter";
import { BookletButton } from "@/components/pdf/BookletButton";
import { SheetThumbnail } from "@/components/library/SheetThumbnail";
import { StatusChip } from "@/components/library/StatusChip";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { loadCourse } from "@/lib/content/course";
import { formatTimestamp } from "@/lib/content/timestamps";
import { loadCourseOverview } from "@/lib/library/library";
import { THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH, thumbnailKeys, thumbnailUrl } from "@/lib/thumbnails/thumbnails";

type Params = Promise<{ course: string }>;

// Status and note counts change as the user studies.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = loadCourse((await params).course);
  return result?.ok ? { title: result.course.title } : {};
}

export default async function CoursePage({ params }: { params: Params }) {
  const { course: courseId } = await params;
  const result = loadCourse(courseId);
  if (!result) notFound();
  if (!result.ok) return <ContentErrorList errors={result.errors} scope="course" />;
  const { course } = result;
  const [{ progress, chapters: stats }, keys] = await Promise.all([loadCourseOverview(course), thumbnailKeys(course)]);
  const t = await getTranslations("course");
  const base = `/courses/${course.id}`;
  return (
    <>
      <AppHeader crumbs={[{ label: course.title }]} />
      <main className="course-page">
        <header className="course-header">
          <TitlePair
            title={course.title}
            titleKr={course.titleKr}
            tags={["h1", "p"]}
            classNames={[undefined, "course-title-kr"]}
          />
          <p className="course-meta">
            <span translate="no">{course.author}</span> ·{" "}
            {t("written", { written: progress.written, chapters: progress.chapters })} ·{" "}
            {progress.broken > 0 ? (
              <span className="course-broken-count" data-broken-chapters={progress.broken}>
                ⚠ {t("broken", { count: progress.broken })} ·{" "}
              </span>
            ) : null}
            <a href={course.sourceUrl} target="_blank" rel="noopener noreferrer">
              ▶ {t("video")}
            </a>
          </p>
          <ProgressMeter progress={progress} label={t("progressOf", { course: course.title })} />
          <p className="course-mastery">
            <MasteryFigure course={course.id} /> · <Link href={`/review?course=${course.id}`}>{t("review")} →</Link>
          </p>
          <div className="course-actions">
            {progress.written > 0 ? <BookletButton course={course.id} chapters={progress.written} /> : null}
            <CoursePackExport course={course.id} />
          </div>
          {progress.continueWith ? (
            <p>
              <Link
                href={`${base}/${progress.continueWith.number}`}
                className="btn btn-primary"
                data-continue={progress.continueWith.number}
              >
                {progress.continueWith.at ? t("continue") : t("start")}{" "}
                <span translate="no">
                  {progress.continueWith.number}. {progress.continueWith.title}
                </span>{" "}
                →
              </Link>
            </p>
          ) : null}
        </header>
        <ol className="chapter-grid">
          {course.chapters.map((chapter) => {
            const stat = stats.get(chapter.number) ?? { status: "not_started" as const, notes: 0, errors: 0 };
            const key = keys.get(chapter.number);
            const broken = stat.errors > 0;
            return (
              <li
                key={chapter.number}
                className="chapter-card"
                data-chapter={chapter.number}
                data-written={chapter.hasSheet}
                data-status={stat.status}
                data-broken={broken || undefined}
              >
                <Link href={`${base}/${chapter.number}`} className="chapter-card-link">
                  {broken ? (
                    <span className="sheet-thumb sheet-thumb-broken" aria-hidden="true">
                      ⚠
                    </span>
                  ) : chapter.hasSheet && key ? (
                    <SheetThumbnail
                      src={thumbnailUrl(course.id, chapter.number, key)}
                      width={THUMBNAIL_WIDTH}
                      height={THUMBNAIL_HEIGHT}
                    />
                  ) : (
                    <span className="sheet-thumb sheet-thumb-empty" aria-hidden="true">
                      ✏️
                    </span>
                  )}
                  <span className="chapter-card-body">
                    <span className="chapter-card-title" translate="no">
                      <span className="chapter-card-number">{chapter.number}.</span> {chapter.title}
                    </span>
                    {chapter.titleKr ? (
                      <span className="chapter-card-kr" translate="no">
                        {chapter.titleKr}
                      </span>
                    ) : null}
                    <span className="chapter-card-meta">
                      {chapter.startSeconds !== undefined ? (
                        <span className="chapter-card-start" data-start={chapter.startSeconds}>
                          ⏱ {formatTimestamp(chapter.startSeconds)}
                        </span>
                      ) : null}
                      {broken ? (
                        <span className="chapter-card-errors" data-error-count={stat.errors}>
                          ⚠ {t("errorCount", { count: stat.errors })}
                        </span>
                      ) : chapter.hasSheet ? (
                        <StatusChip status={stat.status} />
                      ) : (
                        <span className="chapter-card-status">{t("notWritten")}</span>
                      )}
                      {chapter.hasSheet && !broken ? (
                        <MasteryFigure course={course.id} chapter={chapter.number} />
                      ) : null}
                      <span className="chapter-card-notes" data-note-count={stat.notes}>
                        {stat.notes ? `📝 ${t("notes", { count: stat.notes })}` : t("noNotes")}
                      </span>
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
        <RequestUpload course={course.id} />
      </main>
    </>
  );
}
