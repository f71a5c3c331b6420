"use server";

import { Sheet } from "@/components/sheet/Sheet";
import { SourceBody } from "@/components/source/SourceBody";
import { CourseOutline } from "@/components/studio/CourseOutline";
import type { StudioPreview } from "@/components/studio/Studio";
import { sheetDiagramEditsForPage } from "@/lib/diagrams/chapter-diagrams";
import { compileStudioPreview } from "@/lib/studio/preview";
import type { StudioFileKind } from "@/lib/studio/schemas";

/**
 * The studio's live preview: unsaved text → the page rendered on the server by the same components
 * as the app's own pages (the sheet, the source page), sent to the browser as React Server Component data.
 */
export async function previewFile(
  kind: StudioFileKind,
  course: string,
  chapter: string,
  source: string,
): Promise<StudioPreview> {
  const preview = await compileStudioPreview(kind, course, chapter, source);
  if (preview.kind === "refused") return { errors: [{ file: "", line: 1, message: preview.error }], page: null };
  if (!preview.result.ok) return { errors: preview.result.errors, page: null };
  if (preview.kind === "course") return { errors: [], page: <CourseOutline course={preview.result.course} /> };
  const { course: target, chapter: entry } = preview.target;
  if (preview.kind === "source") {
    const { source: page } = preview.result;
    return {
      errors: [],
      page: (
        <SourceBody
          course={target.id}
          chapter={entry.number}
          source={page}
          sourceUrl={page.frontmatter.source_url ?? target.sourceUrl}
        />
      ),
    };
  }
  const { sheet } = preview.result;
  // The user's diagram edits come with the page (as print does): each preview would otherwise fetch
  // them again before drawing.
  const diagramEdits = await sheetDiagramEditsForPage(sheet);
  return {
    errors: [],
    page: (
      <Sheet sheet={sheet} courseTitle={target.title} startSeconds={entry.startSeconds} diagramEdits={diagramEdits} />
    ),
  };
}
