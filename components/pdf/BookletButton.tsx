"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError, fetchJson } from "@/lib/api/client";
import { bookletProgressAnswerSchema, bookletStartAnswerSchema } from "@/lib/pdf/booklet-answers";
import { useApiErrorText } from "@/components/app/api-errors";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { ServerDetail } from "@/components/app/ServerDetail";

const POLL_MS = 400;

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; phase: "sheets" | "assembling"; done: number; total: number }
  | { kind: "done"; download: string }
  // `detail` is the server's own words (what is missing or broken): shown as they are.
  | { kind: "failed"; status: number | null; install?: string; detail?: string };

function saveFile(url: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

function failureOf(error: unknown): ExportState {
  if (error instanceof ApiError) {
    return { kind: "failed", status: error.status, install: error.answer.install, detail: error.answer.error };
  }
  return { kind: "failed", status: null };
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
      const startUrl = `/api/pdf/${encodeURIComponent(course)}${withNotes ? "?notes=1" : ""}`;
      const job = await fetchJson(startUrl, bookletStartAnswerSchema, { method: "POST" });
      while (mounted.current) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const progress = await fetchJson(job.progress, bookletProgressAnswerSchema, { cache: "no-store" });
        if (progress.state === "failed") {
          return setState({
            kind: "failed",
            status: progress.status ?? (progress.install ? 503 : 500),
            install: progress.install,
            detail: progress.error,
          });
        }
        if (progress.state === "done") {
          saveFile(job.download);
          return setState({ kind: "done", download: job.download });
        }
        setState({ kind: "running", phase: progress.phase, done: progress.done, total: progress.total });
      }
    } catch (error) {
      setState(failureOf(error));
    }
  }

  return (
    <div className="booklet-export" data-booklet-export>
      <div className="booklet-export-controls">
        <button
          type="button"
          className="btn"
          onClick={() => void exportBooklet()}
          disabled={busy}
          aria-busy={busy}
          aria-describedby={statusId}
          data-booklet-button
        >
          ⬇ {busy ? t("busy") : t("button")}
        </button>
        <label className="booklet-export-notes">
          <input
            type="checkbox"
            checked={withNotes}
            disabled={busy}
            onChange={(event) => setWithNotes(event.target.checked)}
          />{" "}
          {t("withNotes")}
        </label>
      </div>
      <div
        id={statusId}
        className="booklet-export-status"
        role="status"
        aria-live="polite"
        data-booklet-status={state.kind}
      >
        {state.kind === "running" ? (
          <>
            <progress max={state.total + 1} value={state.phase === "assembling" ? state.total + 1 : state.done} />
            <span>
              {state.phase === "assembling"
                ? t("assembling")
                : t("chapterOf", { current: Math.min(state.done + 1, state.total), total: state.total })}
            </span>
          </>
        ) : null}
        {state.kind === "done" ? (
          <span>
            ✓ {t("ready")}{" "}
            <a href={state.download} download>
              {t("saveAgain")}
            </a>
          </span>
        ) : null}
      </div>
      {state.kind === "failed" ? (
        <div className="booklet-export-error" role="alert">
          <p>{t("failed", { reason: apiErrorText(state.status) })}</p>
          <ServerDetail text={state.detail} />
          {state.install ? <p>{t.rich("install", { ...RICH_TAGS, command: state.install })}</p> : null}
          <button type="button" className="btn" onClick={() => void exportBooklet()}>
            {t("retry")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
