import Link from "next/link";
import { AppHeader } from "@/components/app/AppHeader";
import { loadAllCourses } from "@/lib/content/course";

export default function LibraryPage() {
  const courses = loadAllCourses();
  return (
    <>
      <AppHeader />
      <main className="library-page">
        <h1>Library</h1>
        <ul className="course-list">
          {courses.map((result) =>
            result.ok ? (
              <li key={result.course.id} className="course-card" data-course={result.course.id}>
                <Link href={`/courses/${result.course.id}`}>
                  <span className="course-card-title">{result.course.title}</span>
                  {result.course.titleKr ? <span className="course-card-kr">{result.course.titleKr}</span> : null}
                  <span className="course-card-meta">
                    {result.course.author} · {result.course.chapters.filter((c) => c.hasSheet).length} / {result.course.chapters.length} chapters written
                  </span>
                </Link>
              </li>
            ) : (
              <li key={result.id} className="course-card course-card-broken">
                <Link href={`/courses/${result.id}`}>{result.id}: content errors</Link>
              </li>
            ),
          )}
        </ul>
      </main>
    </>
  );
}
