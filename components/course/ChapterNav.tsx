import Link from "next/link";
import type { ChapterEntry, Course } from "@/lib/content/course";
import { ChapterKeyboard } from "./ChapterKeyboard";

/** Previous / next, the chapter switcher and the chapter's links (source, print, PDF). */
export function ChapterNav({ course, chapter, previous, next, printable }: { course: Course; chapter: ChapterEntry; previous?: ChapterEntry; next?: ChapterEntry; printable: boolean }) {
  const base = `/courses/${course.id}`;
  return (
    <div className="chapter-nav">
      {previous ? (
        <Link href={`${base}/${previous.number}`} rel="prev" className="btn" title={`← ${previous.number}. ${previous.title}`} data-nav="previous">
          ← <span className="sr-only">Previous chapter:</span> {previous.number}
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">←</span>
      )}
      <ChapterKeyboard
        base={base}
        current={chapter.number}
        chapters={course.chapters.map((c) => ({ number: c.number, title: c.title, written: c.hasSheet }))}
        previous={previous?.number}
        next={next?.number}
        hasSource={chapter.hasSource}
      />
      {next ? (
        <Link href={`${base}/${next.number}`} rel="next" className="btn" title={`${next.number}. ${next.title} →`} data-nav="next">
          <span className="sr-only">Next chapter:</span> {next.number} →
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">→</span>
      )}
      {chapter.hasSource ? (
        <Link href={`${base}/${chapter.number}/source`} className="btn">
          📜 Source
        </Link>
      ) : null}
      {printable ? (
        <>
          <Link href={`${base}/${chapter.number}/print`} className="btn" target="_blank">
            🖨 Print view
          </Link>
          <a href={`/api/pdf/${course.id}/${chapter.number}`} className="btn btn-primary" download data-download-pdf>
            ⬇ Download PDF
          </a>
        </>
      ) : null}
    </div>
  );
}
