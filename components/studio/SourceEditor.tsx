"use client";

import { useTranslations } from "next-intl";
import { markdown } from "@codemirror/lang-markdown";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ContentError } from "@/lib/content/errors";

export interface EditorHandle {
  /** Puts the cursor at the start of a 1-based line and shows it. */
  goToLine: (line: number) => void;
}

function diagnosticsFor(view: EditorView, errors: ContentError[]): Diagnostic[] {
  const { doc } = view.state;
  return errors.map((error) => {
    const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
    const from = error.column ? Math.min(line.from + error.column - 1, line.to) : line.from;
    return { from, to: line.to > from ? line.to : from, severity: "error", message: error.message };
  });
}

/**
 * The editor's keymap and listener call the latest `onSave` / `onCursorLine` through this holder,
 * so the extensions are made once (a new extension list would reconfigure the editor).
 */
class EditorCallbacks {
  private handlers: { onSave: () => void; onCursorLine: (line: number) => void };

  constructor(onSave: () => void, onCursorLine: (line: number) => void) {
    this.handlers = { onSave, onCursorLine };
  }

  update(onSave: () => void, onCursorLine: (line: number) => void) {
    this.handlers = { onSave, onCursorLine };
  }

  extensions() {
    return [
      Prec.highest(keymap.of([{ key: "Mod-s", preventDefault: true, run: () => (this.handlers.onSave(), true) }])),
      EditorView.updateListener.of((update) => {
        if (update.selectionSet || update.docChanged) {
          this.handlers.onCursorLine(update.state.doc.lineAt(update.state.selection.main.head).number);
        }
      }),
    ];
  }
}

/**
 * CodeMirror 6 with line numbers, MDX (markdown + JSX) highlighting, search/replace, undo, bracket
 * matching (the binding's basic setup) and soft wrap. Errors become gutter markers and underlines.
 */
export function SourceEditor({
  value,
  errors,
  onChange,
  onSave,
  onCursorLine,
  onReady,
}: {
  value: string;
  errors: ContentError[];
  onChange: (value: string) => void;
  onSave: () => void;
  onCursorLine: (line: number) => void;
  onReady: (handle: EditorHandle) => void;
}) {
  const t = useTranslations("studio");
  const editorLabel = t("editor");
  const foldLine = t("foldLine");
  const unfoldLine = t("unfoldLine");
  const view = useRef<EditorView | null>(null);
  const [callbacks] = useState(() => new EditorCallbacks(onSave, onCursorLine));
  useEffect(() => {
    callbacks.update(onSave, onCursorLine);
  });

  const extensions = useMemo(
    () => [
      markdown(),
      lintGutter(),
      EditorView.lineWrapping,
      // CodeMirror's own words (the fold gutter's titles), in the interface language.
      EditorState.phrases.of({ "Fold line": foldLine, "Unfold line": unfoldLine }),
      EditorView.contentAttributes.of({ "aria-label": editorLabel, translate: "no", "data-studio-editor": "" }),
      ...callbacks.extensions(),
    ],
    [callbacks, editorLabel, foldLine, unfoldLine],
  );

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsFor(editor, errors)));
  }, [errors, value]);

  return (
    <CodeMirror
      className="studio-editor"
      value={value}
      height="100%"
      extensions={extensions}
      onChange={onChange}
      onCreateEditor={(created) => {
        view.current = created;
        created.dispatch(setDiagnostics(created.state, diagnosticsFor(created, errors)));
        onReady({
          goToLine: (line) => {
            const doc = created.state.doc;
            const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
            created.dispatch({
              selection: { anchor: target.from },
              effects: EditorView.scrollIntoView(target.from, { y: "center" }),
            });
            created.focus();
          },
        });
      }}
    />
  );
}
