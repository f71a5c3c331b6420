"use client";

import { useTranslations } from "next-intl";
import { useState, type MouseEvent, type ReactNode } from "react";
import { useApiErrorText } from "@/components/app/api-errors";

type DownloadState = { kind: "idle" } | { kind: "busy" } | { kind: "failed"; status: number | null };

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
        setState({ kind: "failed", status: response.status });
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
