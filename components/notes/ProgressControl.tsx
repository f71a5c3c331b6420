"use client";

import { useEffect, useState } from "react";
import { fetchJson, sendJson } from "@/lib/api/client";
import { progressJsonSchema, type ProgressJson } from "@/lib/notes/schemas";
import { PROGRESS_LABELS, PROGRESS_STATUSES, type ProgressStatus } from "@/lib/progress/status";

async function postProgress(body: { course: string; chapter: number; status?: ProgressStatus; visited?: true }): Promise<ProgressJson> {
  return sendJson("/api/progress", body, progressJsonSchema);
}

function formatVisit(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** Not started / studying / done for the chapter; opening the chapter records a visit. */
export function ProgressControl({ course, chapter }: { course: string; chapter: number }) {
  const [status, setStatus] = useState<ProgressStatus | null>(null);
  const [previousVisit, setPreviousVisit] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const url = `/api/progress?course=${encodeURIComponent(course)}&chapter=${chapter}`;
      const before = await fetchJson(url, progressJsonSchema, { cache: "no-store" });
      if (cancelled) return;
      setStatus(before.status);
      setPreviousVisit(before.lastVisitedAt);
      await postProgress({ course, chapter, visited: true });
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [course, chapter]);

  const choose = async (next: ProgressStatus) => {
    const before = status;
    setStatus(next);
    setFailed(false);
    try {
      setStatus((await postProgress({ course, chapter, status: next })).status);
    } catch {
      setStatus(before);
      setFailed(true);
    }
  };

  return (
    <div className="notes-progress" data-progress={status ?? "loading"}>
      {/* Arrow keys move between the radios here, not to the previous / next chapter. */}
      <fieldset className="notes-segmented" disabled={status === null} onKeyDown={(event) => event.key.startsWith("Arrow") && event.stopPropagation()}>
        <legend className="sr-only">Study progress</legend>
        {PROGRESS_STATUSES.map((option) => (
          <label key={option} data-status={option}>
            <input type="radio" name={`progress-${course}-${chapter}`} value={option} checked={status === option} onChange={() => void choose(option)} />
            <span>
              {PROGRESS_LABELS[option]}
              {option === "done" ? " ✓" : ""}
            </span>
          </label>
        ))}
      </fieldset>
      <p className="notes-progress-meta">
        {failed ? <span role="alert">Progress could not be saved — is the server running?</span> : previousVisit ? `Last visited ${formatVisit(previousVisit)}` : status ? "First visit" : " "}
      </p>
    </div>
  );
}
