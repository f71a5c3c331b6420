import type { Course } from "@/lib/content/course";

/** The booklet's first page: the course, its author, how many chapters, and when it was printed. */
export function BookletCover({
  course,
  chapterCount,
  printedOn,
}: {
  course: Course;
  chapterCount: number;
  printedOn: Date;
}) {
  const written =
    chapterCount === course.chapters.length
      ? `${chapterCount} chapters`
      : `${chapterCount} of ${course.chapters.length} chapters`;
  return (
    <article className="sheet booklet-page booklet-cover" aria-label={`Cover: ${course.title}`} data-booklet-cover>
      <p className="booklet-cover-kicker">📚 Study Sheets · {written}</p>
      <h1 className="booklet-cover-title">
        <span className="booklet-cover-title-en" lang="en">
          {course.title}
        </span>
        {course.titleKr ? (
          <span className="booklet-cover-title-kr" lang="ko">
            {course.titleKr}
          </span>
        ) : null}
      </h1>
      {course.description ? <p className="booklet-cover-description">{course.description}</p> : null}
      <dl className="booklet-cover-facts">
        <div>
          <dt>✍️ Author</dt>
          <dd>{course.author}</dd>
        </div>
        <div>
          <dt>▶ Source</dt>
          <dd>
            <a href={course.sourceUrl}>{course.sourceUrl.replace(/^https?:\/\/(www\.)?/, "")}</a>
          </dd>
        </div>
        <div>
          <dt>🖨 Printed</dt>
          <dd>
            <time dateTime={printedOn.toISOString().slice(0, 10)}>
              {new Intl.DateTimeFormat("en-GB", { dateStyle: "long" }).format(printedOn)}
            </time>
          </dd>
        </div>
      </dl>
    </article>
  );
}
