"use client";

import { useTranslations } from "next-intl";
import { redo, undo } from "@codemirror/commands";
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
  /** Replaces the text as one editor change (the layout panel, a drag, a merge): Ctrl Z reverts it. */
  replaceText: (text: string) => void;
  /** Puts a block on the cursor's line when it is empty, else on a new line below it (or below `afterLine`). */
  insertBlock: (text: string, afterLine?: number) => void;
  /** The editor's text now (the studio's state catches up on the next render). */
  text: () => string;
  cursorLine: () => number;
  focus: () => void;
  /** The editor's own undo / redo, for Ctrl Z / Ctrl Shift Z pressed outside it (the layout panel). */
  undo: () => void;
  redo: () => void;
}

/** The one changed stretch between two texts, so the cursor and the rest of the view stay put. */
function changedStretch(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before[start] === after[start]) start++;
  let end = 0;
  while (end < limit - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

function editorHandle(view: EditorView): EditorHandle {
  return {
    goToLine: (line) => {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
      view.dispatch({
        selection: { anchor: target.from },
        effects: EditorView.scrollIntoView(target.from, { y: "center" }),
      });
      view.focus();
    },
    replaceText: (text) => {
      const current = view.state.doc.toString();
      if (current !== text) view.dispatch({ changes: changedStretch(current, text), userEvent: "input.layout" });
    },
    insertBlock: (text, afterLine) => {
      const { doc } = view.state;
      const line = afterLine === undefined ? doc.lineAt(view.state.selection.main.head) : doc.line(afterLine);
      const block = text.replace(/\n$/, "");
      // Markdown needs a blank line around a block, or a table after a list line joins the list item.
      const before = (number: number) => number >= 1 && number <= doc.lines && doc.line(number).text.trim() !== "";
      let insert: string;
      let from: number;
      if (afterLine === undefined && line.text.trim() === "") {
        from = line.from;
        insert = `${before(line.number - 1) ? "\n" : ""}${block}${before(line.number + 1) ? "\n" : ""}`;
      } else {
        from = line.to;
        insert = `\n\n${block}${before(line.number + 1) ? "\n" : ""}`;
      }
      view.dispatch({
        changes: { from, to: line.to, insert },
        selection: { anchor: from + insert.length },
        userEvent: "input.insert",
        scrollIntoView: true,
      });
      view.focus();
    },
    focus: () => view.focus(),
    undo: () => undo(view),
    redo: () => redo(view),
    text: () => view.state.doc.toString(),
    cursorLine: () => view.state.doc.lineAt(view.state.selection.main.head).number,
  };
}

function diagnosticsFor(view: EditorView, errors: ContentError[]): Diagnostic[] {
  const { doc } = view.state;
  return errors.map((error) => {
    const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
    const from = error.column ? Math.min(line.from + error.column - 1, line.to) : line.from;
    return { from, to: line.to > from ? line.to : from, severity: "error", message: error.message };
  });
}

interface Handlers {
  onSave: () => void;
  onCursorLine: (line: number) => void;
  onPalette: () => void;
}

/**
 * The editor's keymap and listener call the latest `onSave` / `onCursorLine` through this holder,
 * so the extensions are made once (a new extension list would reconfigure the editor).
 */
class EditorCallbacks {
  constructor(private handlers: Handlers) {}

  update(handlers: Handlers) {
    this.handlers = handlers;
  }

  extensions() {
    return [
      Prec.highest(
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => (this.handlers.onSave(), true) },
          {
            // `/` at the start of an empty line opens the insert palette; anywhere else it is a slash.
            key: "/",
            run: (view) => {
              const { main } = view.state.selection;
              if (!main.empty || view.state.doc.lineAt(main.head).text.trim() !== "") return false;
              this.handlers.onPalette();
              return true;
            },
          },
        ]),
      ),
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
  onPalette,
  onReady,
}: {
  value: string;
  errors: ContentError[];
  onChange: (value: string) => void;
  onSave: () => void;
  onCursorLine: (line: number) => void;
  onPalette: () => void;
  onReady: (handle: EditorHandle) => void;
}) {
  const t = useTranslations("studio");
  const editorLabel = t("editor");
  const foldLine = t("foldLine");
  const unfoldLine = t("unfoldLine");
  const view = useRef<EditorView | null>(null);
  const [callbacks] = useState(() => new EditorCallbacks({ onSave, onCursorLine, onPalette }));
  useEffect(() => {
    callbacks.update({ onSave, onCursorLine, onPalette });
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
        onReady(editorHandle(created));
      }}
    />
  );
}
