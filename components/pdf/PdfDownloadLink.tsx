"use client";

import { useTranslations } from "next-intl";
import { useState, type MouseEvent, type ReactNode } from "react";
import { useApiErrorText } from "@/components/app/api-errors";
import { readErrorAnswer } from "@/lib/api/client";

type DownloadState =
  | { kind: "idle" }
  | { kind: "busy" }
  // `detail` is the server's own words (which diagram or font held the page up): shown as they are.
  | { kind: "failed"; status: number | null; detail?: string };

/**
 * A link that saves a PDF the server makes on request. It shows that the PDF is being made, and
 * says why when it could not be (instead of saving the error as a .pdf file). A modified click
 * (new tab, save as) is left to the browser.
 */
export function PdfDownloadLink({ href, fileName, children }: { href: string; fileName: string; children: ReactNode }) {
  const t = useTranslations("pdf");
  const apiErrorText = useApiErrorText();
  const [state, setState] = useState<DownloadState>({ kind: "idle" });

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state.kind === "busy") return;
    setState({ kind: "busy" });
    try {
      const response = await fetch(href);
      if (!response.ok) {
        setState({ kind: "failed", status: response.status, detail: (await readErrorAnswer(response)).error });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "failed", status: null });
    }
  }

  const busy = state.kind === "busy";
  return (
    <span className="pdf-download">
      <a
        href={href}
        download={fileName}
        className="btn btn-primary"
        onClick={(event) => void download(event)}
        aria-busy={busy}
        data-download-pdf
      >
        {busy ? `⏳ ${t("making")}` : children}
      </a>
      {state.kind === "failed" ? (
        <span className="pdf-download-error" role="alert">
          {t("failed", { reason: apiErrorText(state.status) })}
          {state.detail ? (
            <span className="api-error-detail" translate="no">
              {" "}
              ({state.detail})
            </span>
          ) : null}
          <button
            type="button"
            className="pdf-download-dismiss"
            onClick={() => setState({ kind: "idle" })}
            aria-label={t("dismiss")}
          >
            ×
          </button>
        </span>
      ) : null}
    </span>
  );
}
