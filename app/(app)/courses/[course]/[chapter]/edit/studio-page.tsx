import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { Studio } from "@/components/studio/Studio";
import { parseChapterParam } from "@/lib/content/chapter";
import { readStudioFile, resolveChapterTarget, resolveStudioTarget } from "@/lib/studio/studio-files";
import type { StudioFileKind } from "@/lib/studio/schemas";
import { newSheetTemplate, newSourceTemplate } from "@/lib/studio/template";
import { previewFile } from "./actions";

export type StudioParams = Promise<{ course: string; chapter: string }>;

/** The chapter's number and titles: from the course when it is valid, else (a broken course.yaml) the number alone. */
function chapterOf(course: string, chapterParam: string) {
  const chapter = resolveChapterTarget("sheet", course, chapterParam);
  return chapter.ok ? chapter.target.chapter : null;
}

export async function generateStudioMetadata({ params }: { params: StudioParams }): Promise<Metadata> {
  const { course, chapter } = await params;
  const entry = chapterOf(course, chapter);
  const t = await getTranslations("studio");
  return entry ? { title: t("pageTitle", { number: entry.number, title: entry.title }) } : {};
}

/** One studio page (sheet.mdx, source.md or course.yaml), the file always read as it is on disk now. */
export async function StudioScreen({ kind, params }: { kind: StudioFileKind; params: StudioParams }) {
  const { course: courseId, chapter: chapterParam } = await params;
  const number = parseChapterParam(chapterParam);
  const lookup = resolveStudioTarget(kind, courseId, chapterParam);
  if (!lookup.ok || number === null) notFound();
  const entry = chapterOf(courseId, chapterParam);
  const { target } = lookup;
  const file = readStudioFile(target);
  const source =
    file.source ??
    (target.kind === "sheet"
      ? newSheetTemplate(target.chapter.number, target.chapter.title, target.chapter.titleKr)
      : newSourceTemplate(entry?.title ?? chapterParam));
  const first = await previewFile(kind, courseId, String(number), source);
  const href = `/courses/${courseId}/${number}`;
  const t = await getTranslations("studio");
  const courseTitle = target.kind === "course" ? courseId : target.course.title;

  return (
    <>
      <AppHeader
        crumbs={[
          { label: courseTitle, href: `/courses/${courseId}` },
          { label: entry ? `${number}. ${entry.title}` : String(number), href },
          { label: t("crumb") },
        ]}
      />
      <main className="studio-main">
        <Studio
          kind={kind}
          course={courseId}
          chapter={number}
          chapterHref={href}
          initialSource={source}
          initialHash={file.hash}
          initialErrors={first.errors}
          initialPage={first.page}
          preview={previewFile}
        />
      </main>
    </>
  );
}
