"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useApiErrorText } from "@/components/app/api-errors";
import { useState } from "react";

type ImportState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** Imports a JSON export; notes already here are skipped, so importing twice adds nothing. */
export function NotesImport() {
  const t = useTranslations("notesPage.import");
  const apiErrorText = useApiErrorText();
  const router = useRouter();
  const [state, setState] = useState<ImportState>({ kind: "idle" });

  const importFile = async (file: File) => {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/notes/import", { method: "POST", headers: { "content-type": "application/json" }, body: await file.text() });
      const payload = (await response.json().catch(() => ({}))) as { imported?: number; skipped?: number; error?: string };
      if (!response.ok) {
        setState({ kind: "failed", message: t("failed", { file: file.name, reason: apiErrorText(response.status) }) });
        return;
      }
      setState({ kind: "done", message: t("done", { imported: payload.imported ?? 0, skipped: payload.skipped ?? 0 }) });
      router.refresh();
    } catch {
      setState({ kind: "failed", message: t("unreachable") });
    }
  };

  return (
    <div className="notes-import">
      <label className="btn" aria-disabled={state.kind === "busy"}>
        {state.kind === "busy" ? t("busy") : `⬆ ${t("button")}`}
        <input
          type="file"
          accept=".json,application/json"
          className="sr-only"
          disabled={state.kind === "busy"}
          data-import-notes
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
        />
      </label>
      {state.kind === "done" || state.kind === "failed" ? (
        <p className="notes-import-result" role={state.kind === "failed" ? "alert" : "status"} data-import-result={state.kind}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
