"use client";

import { useTranslations } from "next-intl";
import type { SyncState } from "@/lib/notes/outbox";

/** The autosave state, always on screen: saving / saved / offline (will retry) / needs a choice. */
export function SaveStatus({
  state,
  storageFull,
  onRetry,
}: {
  state: SyncState;
  storageFull: boolean;
  onRetry: () => void;
}) {
  const t = useTranslations("notes.saveState");
  return (
    <p className="notes-save-state" data-save-state={state} role="status" aria-live="polite">
      <span className="notes-save-dot" aria-hidden="true" />
      <span>{t(state)}</span>
      {state === "offline" ? (
        <button type="button" className="notes-link-button" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
      {storageFull ? <span className="notes-save-warning"> · {t("storageFull")}</span> : null}
    </p>
  );
}
