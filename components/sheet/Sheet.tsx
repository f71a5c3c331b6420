import type { Element, Root as HastRoot } from "hast";
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

type Drawn = { ok: true; content: ReactNode } | { ok: false; error: ReactNode };

/** A tree of the compiled sheet drawn with the sheet components, inside the diagrams' edits. */
function draw(
  sheet: CompiledSheet,
  tree: HastRoot,
  banner: { courseTitle: string; startSeconds?: number },
  diagrams: { diagramEdits?: DiagramEditJson[]; editableDiagrams: boolean },
): Drawn {
  const components = sheetComponents({
    chapter: sheet.chapter,
    title: sheet.title,
    titleKr: sheet.titleKr,
    author: sheet.author,
    sourceUrl: sheet.sourceUrl,
    ...banner,
  });
  let content: ReactNode;
  try {
    content = toJsxRuntime(tree, { Fragment, jsx, jsxs, components, elementAttributeNameCase: "react" });
  } catch (error) {
    // Whatever a sheet holds, drawing it can only fail as this sheet's error, never the page's.
    return { ok: false, error: <ContentErrorList errors={[renderError(sheet.file, error)]} /> };
  }
  return {
    ok: true,
    content: (
      <DiagramEditsProvider
        course={sheet.course}
        chapter={sheet.chapter}
        initialEdits={diagrams.diagramEdits}
        hasDiagrams={sheet.diagrams.length > 0}
        editable={diagrams.editableDiagrams}
      >
        {content}
      </DiagramEditsProvider>
    ),
  };
}

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
  const drawn = draw(sheet, sheet.tree, { courseTitle, startSeconds }, { diagramEdits, editableDiagrams });
  if (!drawn.ok) return drawn.error;
  return (
    <SheetFrame rows={gridTracks(sheet.grid.rows.map((row) => row.height))} label={`${sheet.chapter}. ${sheet.title}`}>
      {drawn.content}
    </SheetFrame>
  );
}

/**
 * One section of a sheet on its own piece of the sheet's paper (/review), drawn by the same
 * components and fonts at a readable size; null when it cannot be drawn.
 */
export function SheetSection({
  sheet,
  section,
  courseTitle,
}: {
  sheet: CompiledSheet;
  section: Element;
  courseTitle: string;
}) {
  const drawn = draw(sheet, { type: "root", children: [section] }, { courseTitle }, { editableDiagrams: false });
  return drawn.ok ? (
    <div className="sheet sheet-alone" data-sheet-alone>
      {drawn.content}
    </div>
  ) : null;
}
