import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { ContentErrorList } from "@/components/sheet/ContentErrorList";
import { loadChapterPage, type ChapterPageData } from "@/lib/content/chapter";

export type ChapterParams = Promise<{ course: string; chapter: string }>;

/**
 * A page of one chapter (its sheet, its source): a 404 for a chapter that is not there, the
 * course's own errors when its course.yaml is broken, else `render` with the chapter's data.
 */
export function chapterRoute(render: (page: ChapterPageData) => Promise<ReactNode>) {
  return async function ChapterRoute({ params }: { params: ChapterParams }) {
    const { course, chapter } = await params;
    const lookup = await loadChapterPage(course, chapter);
    if (lookup.kind === "not-found") notFound();
    if (lookup.kind === "course-errors") return <ContentErrorList errors={lookup.errors} scope="course" />;
    return render(lookup.data);
  };
}
