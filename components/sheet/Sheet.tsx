import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { sheetComponents } from "@/components/mdx";
import { DiagramEditsProvider } from "@/components/mermaid/DiagramEditsProvider";
import type { DiagramEditJson } from "@/lib/diagrams/types";
import { renderError } from "@/lib/content/errors";
import type { CompiledSheet } from "@/lib/content/sheet";
import { gridTracks } from "@/lib/sheet-layout/layout";
import { ContentErrorList } from "./ContentErrorList";
import { SheetFrame } from "./SheetFrame";

/**
 * The A4 sheet: the compiled sheet's tree, drawn with the sheet components (nothing in it is run),
 * laid out in the exact row proportions of its layout. Its
 * diagrams are drawn from the user's edits where there are some: `diagramEdits` when the caller
 * loaded them (print), else fetched in the browser; `editableDiagrams` offers the editor.
 */
export function Sheet({
  sheet,
  courseTitle,
  startSeconds,
  diagramEdits,
  editableDiagrams = false,
}: {
  sheet: CompiledSheet;
  courseTitle: string;
  startSeconds?: number;
  diagramEdits?: DiagramEditJson[];
  editableDiagrams?: boolean;
}) {
  const components = sheetComponents({
    chapter: sheet.chapter,
    title: sheet.title,
    titleKr: sheet.titleKr,
    author: sheet.author,
    sourceUrl: sheet.sourceUrl,
    courseTitle,
    startSeconds,
  });
  let content: ReactNode;
  try {
    content = toJsxRuntime(sheet.tree, { Fragment, jsx, jsxs, components, elementAttributeNameCase: "react" });
  } catch (error) {
    // Whatever a sheet holds, drawing it can only fail as this sheet's error, never the page's.
    return <ContentErrorList errors={[renderError(sheet.file, error)]} />;
  }
  return (
    <SheetFrame rows={gridTracks(sheet.grid.rows.map((row) => row.height))} label={`${sheet.chapter}. ${sheet.title}`}>
      <DiagramEditsProvider
        course={sheet.course}
        chapter={sheet.chapter}
        initialEdits={diagramEdits}
        hasDiagrams={sheet.diagrams.length > 0}
        editable={editableDiagrams}
      >
        {content}
      </DiagramEditsProvider>
    </SheetFrame>
  );
}
