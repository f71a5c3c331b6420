"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useApiErrorText } from "@/components/app/api-errors";
import { RICH_TAGS } from "@/components/app/rich-tags";

const POLL_MS = 400;

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; phase: "sheets" | "assembling"; done: number; total: number }
  | { kind: "done"; download: string }
  | { kind: "failed"; status: number | null; install?: string };

interface StartAnswer {
  job: string;
  total: number;
  progress: string;
  download: string;
}

interface ProgressAnswer {
  state: "running" | "done" | "failed";
  phase: "sheets" | "assembling";
  done: number;
  total: number;
  install?: string;
}

interface ErrorAnswer {
  install?: string;
}

function saveFile(url: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

async function failureOf(response: Response): Promise<ExportState> {
  const body = (await response.json().catch(() => ({}))) as ErrorAnswer;
  return { kind: "failed", status: response.status, install: body.install };
}

/**
 * "Download course PDF": prints the whole course as a booklet on the server, shows which chapter it
 * is at, then saves the file. Optionally with the notes pages.
 */
export function BookletButton({ course, chapters }: { course: string; chapters: number }) {
  const t = useTranslations("pdf.booklet");
  const apiErrorText = useApiErrorText();
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const [withNotes, setWithNotes] = useState(false);
  const mounted = useRef(true);
  const statusId = useId();
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const busy = state.kind === "running";

  async function exportBooklet() {
    setState({ kind: "running", phase: "sheets", done: 0, total: chapters });
    try {
      const started = await fetch(`/api/pdf/${encodeURIComponent(course)}${withNotes ? "?notes=1" : ""}`, { method: "POST" });
      if (!started.ok) return setState(await failureOf(started));
      const job = (await started.json()) as StartAnswer;
      while (mounted.current) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const answer = await fetch(job.progress, { cache: "no-store" });
        if (!answer.ok) return setState(await failureOf(answer));
        const progress = (await answer.json()) as ProgressAnswer;
        if (progress.state === "failed") return setState({ kind: "failed", status: progress.install ? 503 : 500, install: progress.install });
        if (progress.state === "done") {
          saveFile(job.download);
          return setState({ kind: "done", download: job.download });
        }
        setState({ kind: "running", phase: progress.phase, done: progress.done, total: progress.total });
      }
    } catch {
      setState({ kind: "failed", status: null });
    }
  }

  return (
    <div className="booklet-export" data-booklet-export>
      <div className="booklet-export-controls">
        <button type="button" className="btn" onClick={exportBooklet} disabled={busy} aria-busy={busy} aria-describedby={statusId} data-booklet-button>
          ⬇ {busy ? t("busy") : t("button")}
        </button>
        <label className="booklet-export-notes">
          <input type="checkbox" checked={withNotes} disabled={busy} onChange={(event) => setWithNotes(event.target.checked)} /> {t("withNotes")}
        </label>
      </div>
      <div id={statusId} className="booklet-export-status" role="status" aria-live="polite" data-booklet-status={state.kind}>
        {state.kind === "running" ? (
          <>
            <progress max={state.total + 1} value={state.phase === "assembling" ? state.total + 1 : state.done} />
            <span>{state.phase === "assembling" ? t("assembling") : t("chapterOf", { current: Math.min(state.done + 1, state.total), total: state.total })}</span>
          </>
        ) : null}
        {state.kind === "done" ? (
          <span>
            ✓ {t("ready")} <a href={state.download} download>{t("saveAgain")}</a>
          </span>
        ) : null}
      </div>
      {state.kind === "failed" ? (
        <div className="booklet-export-error" role="alert">
          <p>{t("failed", { reason: apiErrorText(state.status) })}</p>
          {state.install ? (
            <p>{t.rich("install", { ...RICH_TAGS, command: state.install })}</p>
          ) : null}
          <button type="button" className="btn" onClick={exportBooklet}>
            {t("retry")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
