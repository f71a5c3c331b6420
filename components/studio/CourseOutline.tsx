import { getTranslations } from "next-intl/server";
import type { Course } from "@/lib/content/course";
import { formatTimestamp } from "@/lib/content/timestamps";

/** course.yaml as the app reads it: the course's titles and its chapter list with start times. */
export async function CourseOutline({ course }: { course: Course }) {
  const t = await getTranslations("studio.outline");
  return (
    <article className="studio-course-outline" data-course-outline>
      <h2 translate="no">{course.title}</h2>
      {course.titleKr ? <p translate="no">{course.titleKr}</p> : null}
      <p translate="no">{course.author}</p>
      <h3>{t("chapters", { count: course.chapters.length })}</h3>
      <ol translate="no">
        {course.chapters.map((chapter) => (
          <li key={chapter.number} value={chapter.number}>
            {chapter.title}
            {chapter.startSeconds !== undefined ? ` · ${formatTimestamp(chapter.startSeconds)}` : ""}
          </li>
        ))}
      </ol>
    </article>
  );
}
