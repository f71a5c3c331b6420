"use client";

import { useRef } from "react";
import { SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { showModal } from "./dialog";
import { useAvailableShortcuts, useShortcut } from "./ShortcutProvider";

/** The `?` dialog: every shortcut, with the ones this page does not offer dimmed. */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const available = useAvailableShortcuts();
  useShortcut("help", () => {
    if (dialog.current) showModal(dialog.current);
  });

  return (
    <dialog ref={dialog} className="app-dialog shortcut-help" aria-labelledby="shortcut-help-title" data-shortcut-help>
      <div className="app-dialog-head">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" className="btn" onClick={() => dialog.current?.close()} aria-label="Close">
          Esc
        </button>
      </div>
      <table className="shortcut-table">
        <caption className="sr-only">Keys and what they do</caption>
        <tbody>
          {SHORTCUTS.map((shortcut) => {
            const here = available.has(shortcut.id);
            return (
              <tr key={shortcut.id} data-available={here}>
                <th scope="row">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? <span className="shortcut-or"> or </span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>
                  {shortcut.label}
                  {here ? null : <span className="shortcut-elsewhere"> ({shortcut.where})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="shortcut-foot">Letter keys do nothing while you type in a field; Ctrl K works everywhere.</p>
    </dialog>
  );
}
