import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { Studio } from "@/components/studio/Studio";
import { resolveSheetTarget, readSheetFile } from "@/lib/studio/sheet-files";
import { newSheetTemplate } from "@/lib/studio/template";
import { previewSheet } from "./actions";

type Params = Promise<{ course: string; chapter: string }>;

// The studio always opens the file as it is on disk now.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { course, chapter } = await params;
  const lookup = resolveSheetTarget(course, chapter);
  const t = await getTranslations("studio");
  if (!lookup.ok) return {};
  return { title: t("pageTitle", { number: lookup.target.chapter.number, title: lookup.target.chapter.title }) };
}

export default async function StudioPage({ params }: { params: Params }) {
  const { course: courseId, chapter: chapterParam } = await params;
  const lookup = resolveSheetTarget(courseId, chapterParam);
  if (!lookup.ok) notFound();
  const { course, chapter } = lookup.target;
  const file = readSheetFile(lookup.target);
  const source = file.source ?? newSheetTemplate(chapter.number, chapter.title, chapter.titleKr);
  const first = await previewSheet(course.id, String(chapter.number), source);
  const href = `/courses/${course.id}/${chapter.number}`;
  const t = await getTranslations("studio");

  return (
    <>
      <AppHeader
        crumbs={[
          { label: course.title, href: `/courses/${course.id}` },
          { label: `${chapter.number}. ${chapter.title}`, href },
          { label: t("crumb") },
        ]}
      />
      <main className="studio-main">
        <Studio
          course={course.id}
          chapter={chapter.number}
          chapterHref={href}
          initialSource={source}
          initialHash={file.hash}
          initialErrors={first.errors}
          initialPage={first.page}
          preview={previewSheet}
        />
      </main>
    </>
  );
}
