"use client";

import { useTranslations } from "next-intl";
import { useNoticeText } from "./notice-text";
import { useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { DiagramBox } from "@/lib/mermaid/config";
import { accessibleName } from "@/lib/mermaid/describe";
import { relayoutId } from "@/lib/mermaid/relayout";
import { DiagramEditor } from "./DiagramEditor";
import { useDiagramEdits } from "./DiagramEditsProvider";
import { DiagramSvg } from "./DiagramSvg";
import { keptMermaidDrawing, renderMermaid, type RenderResult } from "./render-queue";

/**
 * The box a diagram is drawn into: the figure's layout size (transforms such as the viewer's zoom
 * left out) below the strip kept free for its tools.
 */
function boxOf(element: HTMLElement | null): DiagramBox | null {
  if (!element || element.clientWidth <= 0) return null;
  const toolsRoom = parseFloat(getComputedStyle(element).paddingTop) || 0;
  return { width: element.clientWidth, height: Math.max(element.clientHeight - toolsRoom, 1) };
}

/**
 * A live Mermaid diagram: the user's edit of it when there is one, else the sheet's source. The
 * box keeps its space while the diagram renders (no layout jump), and `data-state` tells the
 * sheet (and print) when it is done; while it is drawn again after an edit, the previous drawing
 * stays and `data-state` is cleared, so the sheet is not "ready" with a stale diagram.
 */
export function MermaidDiagram({ code, diagramKey, line }: { code: string; diagramKey: string; line: string }) {
  const t = useTranslations("diagrams");
  const { known, loadFailed, editable, edits } = useDiagramEdits();
  const edit = edits[diagramKey];
  const source = edit?.source ?? code;
  const [drawn, setDrawn] = useState<{ source: string; result: RenderResult } | null>(null);
  // The cell's size when the editor opens: the preview is drawn at that size.
  const [editing, setEditing] = useState<{ box: DiagramBox | null } | null>(null);
  const figure = useRef<HTMLElement>(null);

  // A drawing made already (the studio's preview draws the page again after each pause) is put in
  // before the page is painted, so the sheet can fit before that paint too. Its box is measured a
  // microtask after this layout effect: the sheet (a parent, whose layout effect runs after this
  // one) first gives its sections their remembered sizes, and the page is laid out once.
  useLayoutEffect(() => {
    if (!known) return;
    let cancelled = false;
    queueMicrotask(() => {
      if (cancelled) return;
      const kept = keptMermaidDrawing(source, boxOf(figure.current), { relayout: true });
      if (kept) {
        flushSync(() => setDrawn({ source, result: kept }));
        return;
      }
      void renderMermaid(source, () => boxOf(figure.current), { relayout: true }).then((result) => {
        if (!cancelled) setDrawn({ source, result });
      });
    });
    return () => {
      cancelled = true;
    };
  }, [source, known]);

  const result = drawn?.result ?? null;
  const current = drawn !== null && drawn.source === source;
  const state = current ? (drawn.result.ok ? "rendered" : "error") : undefined;
  const name = accessibleName(source);
  const noticeText = useNoticeText();
  const notices = current && result?.ok && result.notices.length > 0 ? result.notices : null;
  const fenceLine = Number(line);
  const openEditor = () => setEditing({ box: boxOf(figure.current) });
  // Where a diagram error is, in words: the sheet's line for the original, the diagram's for an edit.
  const errorPlace = (failed: Extract<RenderResult, { ok: false }>) =>
    failed.line === undefined
      ? edit
        ? t("error.inEdit")
        : t("error.atSheetLine", { sheetLine: fenceLine })
      : edit
        ? t("error.lineOfEdit", { line: failed.line })
        : t("error.lineOfDiagram", { line: failed.line, sheetLine: fenceLine + failed.line });

  return (
    <figure
      ref={figure}
      className="sheet-mermaid"
      data-mermaid={diagramKey}
      data-state={state}
      data-source-line={line}
      data-edited={edit ? "true" : undefined}
      data-diagram-relayout={current && result?.ok && result.relayout ? relayoutId(result.relayout) : undefined}
      data-diagram-notice={notices ? notices.map((notice) => notice.message).join("\n") : undefined}
      data-diagram-notice-shown={notices ? notices.map((notice) => noticeText(notice.said)).join("\n") : undefined}
      aria-busy={!current}
    >
      {result === null ? (
        <div className="sheet-mermaid-loading" role="img" aria-label={`${name} (${t("drawing")})`}>
          {t("drawing")}
        </div>
      ) : null}
      {result?.ok ? <DiagramSvg svg={result.svg} name={name} frame={result.frame} /> : null}
      {result && !result.ok ? (
        <div className="sheet-mermaid-error" role="alert">
          <strong>{t("error.title", { place: errorPlace(result) })}</strong>
          <pre translate="no" lang="en">
            {result.message}
          </pre>
        </div>
      ) : null}
      {/* Filled in by the sheet once it is fitted: the diagram's notices, and its text when too small on paper. */}
      <p className="sheet-mermaid-warning" role="status" hidden />
      <div className="sheet-mermaid-tools">
        {loadFailed ? (
          <span className="sheet-mermaid-flag sheet-mermaid-flag-warn" title={t("notLoadedTitle")}>
            {t("notLoaded")}
          </span>
        ) : null}
        {edit ? (
          <button
            type="button"
            className="sheet-mermaid-flag"
            data-edited-marker
            onClick={openEditor}
            disabled={!editable}
            title={edit.originalChanged ? t("editedStaleTitle") : t("editedTitle")}
          >
            {t("edited")}
            {edit.originalChanged ? " ⚠" : ""}
          </button>
        ) : null}
        {editable ? (
          <button
            type="button"
            className="sheet-mermaid-tool"
            onClick={openEditor}
            aria-label={t("editLabel", { name })}
            title={t("editTitle")}
          >
            {t("edit")}
          </button>
        ) : null}
        <details className="sheet-mermaid-source">
          <summary aria-label={t("sourceLabel", { name })} title={t("sourceTitle")}>
            {"</>"}
          </summary>
          <pre translate="no">{source}</pre>
        </details>
      </div>
      {editing ? (
        <DiagramEditor
          diagramKey={diagramKey}
          original={code}
          edit={edit}
          box={editing.box}
          name={name}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </figure>
  );
}
