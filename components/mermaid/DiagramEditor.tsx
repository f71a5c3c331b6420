"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import type { DiagramEditJson } from "@/lib/diagrams/types";
import type { DiagramBox } from "@/lib/mermaid/config";
import { DiagramSvg } from "./DiagramSvg";
import { useDiagramEdits } from "./DiagramEditsProvider";
import { renderMermaid } from "./render-queue";

/** Typing pauses this long before the preview is drawn again. */
export const PREVIEW_DEBOUNCE_MS = 300;

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
          result.ok ? { status: "ok", svg: result.svg, source: draft } : { status: "error", svg: last.svg, message: result.message, line: result.line },
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
      setFailure(`Could not ${kind === "saving" ? "save" : "reset"}: ${error instanceof Error ? error.message : String(error)}`);
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
        <h2 id={`${ids}-title`}>Edit diagram</h2>
        <p className="diagram-editor-name">{name}</p>
        <button type="button" className="diagram-editor-close" onClick={onClose} aria-label="Close without saving" disabled={busy !== null}>
          ✕
        </button>
      </header>
      {edit?.originalChanged ? (
        <div className="diagram-editor-notice" role="note">
          The diagram in the sheet changed since you saved this edit.{" "}
          <button type="button" onClick={() => setDraft(original)}>
            Load the new original
          </button>
        </div>
      ) : null}
      <div className="diagram-editor-body">
        <div className="diagram-editor-source">
          <label htmlFor={`${ids}-source`}>Mermaid source</label>
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
            The preview follows your typing. Ctrl+Enter saves, Esc cancels. Your version is kept in this app; the course
            file is never changed.
          </p>
        </div>
        <div className="diagram-editor-preview">
          <span className="diagram-editor-label">Preview, at the size of its cell</span>
          <div className="diagram-editor-canvas" style={{ aspectRatio: aspect }} data-preview-state={preview.status} data-diagram-preview>
            {preview.svg ? (
              <DiagramSvg svg={preview.svg} name={`Preview: ${name}`} className="diagram-editor-svg" />
            ) : (
              <span className="diagram-editor-empty">drawing…</span>
            )}
          </div>
          <div id={`${ids}-status`} className="diagram-editor-status" data-status={preview.status} aria-live="polite">
            {preview.status === "drawing" ? "Drawing…" : null}
            {preview.status === "ok" ? "✓ The preview is up to date." : null}
            {preview.status === "error" ? (
              <>
                <strong>
                  {preview.line ? `Error on line ${preview.line}` : "Error"}
                  {preview.svg ? " (the last good drawing is kept)" : ""}:
                </strong>
                <pre data-diagram-error>{preview.message}</pre>
                {preview.line ? (
                  <button type="button" onClick={() => textarea.current && selectLine(textarea.current, preview.line ?? 1)}>
                    Go to line {preview.line}
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
          <button type="button" className="diagram-editor-reset" onClick={() => void run("resetting", () => reset(diagramKey))} disabled={busy !== null}>
            {busy === "resetting" ? "Resetting…" : "Reset to original"}
          </button>
        ) : null}
        <span className="diagram-editor-spacer" />
        <button type="button" onClick={onClose} disabled={busy !== null}>
          Cancel
        </button>
        <button
          type="button"
          className="diagram-editor-save"
          onClick={onSave}
          disabled={!canSave}
          title={!changed ? "Nothing changed yet" : !drawsCleanly ? "Fix the error (or wait for the preview) to save" : undefined}
        >
          {busy === "saving" ? "Saving…" : "Save"}
        </button>
      </footer>
    </dialog>,
    document.body,
  );
}
