"use client";

import type { SyncState } from "@/lib/notes/outbox";

const LABELS: Record<SyncState, string> = {
  saved: "Saved",
  saving: "Saving…",
  offline: "Offline — will retry",
  conflict: "Conflict — choose a version",
  error: "Not saved — see the note",
};

/** The autosave state, always on screen: saving / saved / offline (will retry) / needs a choice. */
export function SaveStatus({ state, storageFull, onRetry }: { state: SyncState; storageFull: boolean; onRetry: () => void }) {
  return (
    <p className="notes-save-state" data-save-state={state} role="status" aria-live="polite">
      <span className="notes-save-dot" aria-hidden="true" />
      <span>{LABELS[state]}</span>
      {state === "offline" ? (
        <button type="button" className="notes-link-button" onClick={onRetry}>
          Retry now
        </button>
      ) : null}
      {storageFull ? <span className="notes-save-warning"> · browser storage full: keep this tab open until saved</span> : null}
    </p>
  );
}
