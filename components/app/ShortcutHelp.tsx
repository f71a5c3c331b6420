"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { dubeolsikJamo, keyCaps, SHORTCUTS, type ShortcutId, type ShortcutPlace } from "@/lib/keyboard/shortcuts";
import { closeModal, showModal } from "./dialog";
import { useAvailableShortcuts, useShortcut } from "./ShortcutProvider";

/**
 * The `?` dialog: every shortcut, with the ones this page does not offer dimmed. In Korean each
 * letter key also shows the jamo printed on it, since that is what the key types in Korean mode.
 */
export function ShortcutHelp() {
  const t = useTranslations("help");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const available = useAvailableShortcuts();
  useShortcut("help", () => {
    if (dialog.current) showModal(dialog.current);
  });
  const labels: Record<ShortcutId, string> = {
    search: t("action.search"),
    "previous-chapter": t("action.previousChapter"),
    "next-chapter": t("action.nextChapter"),
    "new-note": t("action.newNote"),
    source: t("action.source"),
    print: t("action.print"),
    edit: t("action.edit"),
    study: t("action.study"),
    help: t("action.help"),
  };
  const places: Record<ShortcutPlace, string> = {
    everywhere: t("where.everywhere"),
    chapter: t("where.chapter"),
    sheet: t("where.sheet"),
  };

  return (
    <dialog ref={dialog} className="app-dialog shortcut-help" aria-labelledby="shortcut-help-title" data-shortcut-help>
      <div className="app-dialog-head">
        <h2 id="shortcut-help-title">{t("title")}</h2>
        <button type="button" className="btn" onClick={() => closeModal(dialog.current)} aria-label={t("close")}>
          Esc
        </button>
      </div>
      <table className="shortcut-table">
        <caption className="sr-only">{t("caption")}</caption>
        <tbody>
          {SHORTCUTS.map((shortcut) => {
            const here = available.has(shortcut.id);
            return (
              <tr key={shortcut.id} data-available={here} data-shortcut={shortcut.id}>
                <th scope="row">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? <span className="shortcut-or"> {t("or")} </span> : null}
                      {keyCaps(key).map((cap) => (
                        <kbd key={cap}>{cap}</kbd>
                      ))}
                      {locale === "ko" && dubeolsikJamo(key) ? (
                        <span className="shortcut-jamo" lang="ko">
                          ({dubeolsikJamo(key)})
                        </span>
                      ) : null}
                    </span>
                  ))}
                </th>
                <td>
                  {labels[shortcut.id]}
                  {here ? null : <span className="shortcut-elsewhere"> ({places[shortcut.where]})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="shortcut-foot">{t("foot")}</p>
    </dialog>
  );
}
