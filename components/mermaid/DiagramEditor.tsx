"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { createPortal } from "react-dom";
import { useApiErrorText } from "@/components/app/api-errors";
import { IconButton } from "@/components/app/IconButton";
import { ApiError } from "@/lib/api/client";
import type { DiagramEditJson } from "@/lib/diagrams/types";
import type { DiagramBox } from "@/lib/mermaid/config";
import { DiagramSvg } from "./DiagramSvg";
import { useDiagramEdits } from "./DiagramEditsProvider";
import { renderMermaid } from "./render-queue";

/** Typing pauses this long before the preview is drawn again. */
const PREVIEW_DEBOUNCE_MS = 300;

type Preview =
  | { status: "drawing"; svg: string | null }
  | { status: "ok"; svg: string; source: string }
  | { status: "error"; svg: string | null; message: string; line?: number };

/** Selects line `line` (1-based; past the end = the last line) of the textarea, to show an error. */
function selectLine(textarea: HTMLTextAreaElement, line: number) {
  const lines = textarea.value.split("\n");
  const index = Math.min(line, lines.length) - 1;
  const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[index]?.length ?? 0));
}

/**
 * The diagram editor: its source beside a live preview drawn at the size of the diagram's cell.
 * The preview follows the typing (debounced); on an error it says where, and keeps the last good
 * drawing. Save stores the source as the user's own version of the diagram; reset removes it.
 */
export function DiagramEditor({
  diagramKey,
  original,
  edit,
  box,
  name,
  onClose,
}: {
  diagramKey: string;
  original: string;
  edit: DiagramEditJson | undefined;
  box: DiagramBox | null;
  name: string;
  onClose: () => void;
}) {
  const t = useTranslations("diagrams.editor");
  const apiErrorText = useApiErrorText();
  const { save, reset } = useDiagramEdits();
  const saved = edit?.source ?? original;
  const [draft, setDraft] = useState(saved);
  const [preview, setPreview] = useState<Preview>({ status: "drawing", svg: null });
  const [busy, setBusy] = useState<"saving" | "resetting" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const firstDraw = useRef(true);
  const ids = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    textarea.current?.focus();
    return () => opener?.focus();
  }, []);

  useEffect(() => {
    let cancelled = false;
    const draw = () =>
      void renderMermaid(draft, () => box).then((result) => {
        if (cancelled) return;
        setPreview((last) =>
          result.ok
            ? { status: "ok", svg: result.svg, source: draft }
            : { status: "error", svg: last.svg, message: result.message, line: result.line },
        );
      });
    // Marks the shown preview stale at once, before the debounced drawing starts.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreview((last) => ({ status: "drawing", svg: last.svg }));
    // The first drawing is at once; then only once the typing pauses.
    const timer = window.setTimeout(draw, firstDraw.current ? 0 : PREVIEW_DEBOUNCE_MS);
    firstDraw.current = false;
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [draft, box]);

  const drawsCleanly = preview.status === "ok" && preview.source === draft;
  const changed = draft !== saved;
  const canSave = changed && drawsCleanly && busy === null;

  const run = async (kind: "saving" | "resetting", action: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    try {
      await action();
      onClose();
    } catch (error) {
      const reason = apiErrorText(error instanceof ApiError ? error.status : null);
      setFailure(kind === "saving" ? t("saveFailed", { reason }) : t("resetFailed", { reason }));
      setBusy(null);
    }
  };
  const onSave = () => {
    if (canSave) void run("saving", () => save(diagramKey, draft));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave();
    }
  };

  const aspect = box ? `${box.width} / ${box.height}` : "4 / 3";
  return createPortal(
    <dialog
      ref={dialog}
      className="diagram-editor"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-hint`}
      onCancel={(event) => {
        // Esc: close through React, so the dialog unmounts cleanly.
        event.preventDefault();
        if (busy === null) onClose();
      }}
    >
      <header className="diagram-editor-header">
        <h2 id={`${ids}-title`}>{t("title")}</h2>
        <p className="diagram-editor-name" translate="no">
          {name}
        </p>
        <IconButton className="diagram-editor-close" onClick={onClose} label={t("close")} disabled={busy !== null}>
          ✕
        </IconButton>
      </header>
      {edit?.originalChanged ? (
        <div className="diagram-editor-notice" role="note">
          {t("originalChanged")}{" "}
          <button type="button" onClick={() => setDraft(original)}>
            {t("loadOriginal")}
          </button>
        </div>
      ) : null}
      <div className="diagram-editor-body">
        <div className="diagram-editor-source">
          <label htmlFor={`${ids}-source`}>{t("source")}</label>
          <textarea
            id={`${ids}-source`}
            ref={textarea}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-invalid={preview.status === "error"}
            aria-describedby={`${ids}-status`}
          />
          <p id={`${ids}-hint`} className="diagram-editor-hint">
            {t("hint")}
          </p>
        </div>
        <div className="diagram-editor-preview">
          <span className="diagram-editor-label">{t("previewLabel")}</span>
          <div
            className="diagram-editor-canvas"
            style={{ aspectRatio: aspect }}
            data-preview-state={preview.status}
            data-diagram-preview
          >
            {preview.svg ? (
              <DiagramSvg svg={preview.svg} name={t("previewName", { name })} className="diagram-editor-svg" />
            ) : (
              <span className="diagram-editor-empty">{t("drawing")}</span>
            )}
          </div>
          <div id={`${ids}-status`} className="diagram-editor-status" data-status={preview.status} aria-live="polite">
            {preview.status === "drawing" ? t("drawing") : null}
            {preview.status === "ok" ? `✓ ${t("upToDate")}` : null}
            {preview.status === "error" ? (
              <>
                <strong>
                  {preview.line ? t("errorOnLine", { line: preview.line }) : t("error")}
                  {preview.svg ? ` ${t("lastGoodKept")}` : ""}:
                </strong>
                <pre data-diagram-error translate="no" lang="en">
                  {preview.message}
                </pre>
                {preview.line ? (
                  <button
                    type="button"
                    onClick={() => textarea.current && selectLine(textarea.current, preview.line ?? 1)}
                  >
                    {t("goToLine", { line: preview.line })}
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
        </div>
      </div>
      {failure ? (
        <p className="diagram-editor-failure" role="alert">
          {failure}
        </p>
      ) : null}
      <footer className="diagram-editor-actions">
        {edit ? (
          <button
            type="button"
            className="diagram-editor-reset"
            onClick={() => void run("resetting", () => reset(diagramKey))}
            disabled={busy !== null}
          >
            {busy === "resetting" ? t("resetting") : t("reset")}
          </button>
        ) : null}
        <span className="diagram-editor-spacer" />
        <button type="button" onClick={onClose} disabled={busy !== null}>
          {t("cancel")}
        </button>
        <button
          type="button"
          className="diagram-editor-save"
          onClick={onSave}
          disabled={!canSave}
          title={!changed ? t("unchanged") : !drawsCleanly ? t("fixFirst") : undefined}
        >
          {busy === "saving" ? t("saving") : t("save")}
        </button>
      </footer>
    </dialog>,
    document.body,
  );
}
