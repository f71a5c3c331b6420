import { getFormatter, getTranslations } from "next-intl/server";
import { TitlePair } from "@/components/app/TitlePair";
import type { Course } from "@/lib/content/course";

/**
 * The booklet's first page: the course, its author, how many chapters, and when it was printed,
 * labelled in the language of the request that asked for the booklet.
 */
export async function BookletCover({
  course,
  chapterCount,
  printedOn,
}: {
  course: Course;
  chapterCount: number;
  printedOn: Date;
}) {
  const t = await getTranslations("pdf.cover");
  const format = await getFormatter();
  const total = course.chapters.length;
  return (
    <article className="sheet booklet-page booklet-cover" aria-label={t("label")} data-booklet-cover>
      <p className="booklet-cover-kicker">
        📚 Study Sheets ·{" "}
        {chapterCount === total ? t("chapters", { count: total }) : t("chaptersOf", { count: chapterCount, total })}
      </p>
      <h1 className="booklet-cover-title">
        <TitlePair
          title={course.title}
          titleKr={course.titleKr}
          classNames={["booklet-cover-title-en", "booklet-cover-title-kr"]}
        />
      </h1>
      {course.description ? (
        <p className="booklet-cover-description" translate="no">
          {course.description}
        </p>
      ) : null}
      <dl className="booklet-cover-facts">
        <div>
          <dt>✍️ {t("author")}</dt>
          <dd translate="no">{course.author}</dd>
        </div>
        <div>
          <dt>▶ {t("source")}</dt>
          <dd>
            <a href={course.sourceUrl}>{course.sourceUrl.replace(/^https?:\/\/(www\.)?/, "")}</a>
          </dd>
        </div>
        <div>
          <dt>🖨 {t("printed")}</dt>
          <dd>
            <time dateTime={printedOn.toISOString().slice(0, 10)}>
              {format.dateTime(printedOn, { dateStyle: "long" })}
            </time>
          </dd>
        </div>
      </dl>
    </article>
  );
}
