import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app/AppHeader";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { loadCourse } from "@/lib/content/course";

type Params = Promise<{ course: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = loadCourse((await params).course);
  return result?.ok ? { title: result.course.title } : {};
}

export default async function CoursePage({ params }: { params: Params }) {
  const { course: courseId } = await params;
  const result = loadCourse(courseId);
  if (!result) notFound();
  if (!result.ok) return <ContentErrorList errors={result.errors} title="This course has content errors" />;
  const { course } = result;
  const written = course.chapters.filter((c) => c.hasSheet).length;
  return (
    <>
      <AppHeader crumbs={[{ label: course.title }]} />
      <main className="course-page">
        <header className="course-header">
          <h1>{course.title}</h1>
          {course.titleKr ? <p className="course-title-kr">{course.titleKr}</p> : null}
          <p className="course-meta">
            {course.author} · {written} / {course.chapters.length} chapters written
          </p>
        </header>
        <ol className="chapter-grid">
          {course.chapters.map((chapter) => (
            <li key={chapter.number} className="chapter-card" data-chapter={chapter.number} data-written={chapter.hasSheet}>
              <Link href={`/courses/${course.id}/${chapter.number}`}>
                <span className="chapter-card-number">{chapter.number}</span>
                <span className="chapter-card-title">{chapter.title}</span>
                {chapter.titleKr ? <span className="chapter-card-kr">{chapter.titleKr}</span> : null}
                {chapter.hasSheet ? null : <span className="chapter-card-status">not written yet</span>}
              </Link>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
