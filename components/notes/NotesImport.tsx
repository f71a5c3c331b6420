"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useApiErrorText } from "@/components/app/api-errors";
import { useState } from "react";
import { ApiError, parseResponse } from "@/lib/api/client";
import { importAnswerSchema, type ImportAnswer } from "@/lib/notes/schemas";

type ImportState =
  { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** Imports a JSON export: deleted notes come back, the newer copy wins, importing twice adds nothing. */
export function NotesImport() {
  const t = useTranslations("notesPage.import");
  const apiErrorText = useApiErrorText();
  const router = useRouter();
  const [state, setState] = useState<ImportState>({ kind: "idle" });

  /** "Imported 2 notes; 1 restored from the bin; …": only the parts that happened after the first (each says its "; "). */
  const importMessage = (result: ImportAnswer): string => {
    const parts = [
      t("done", { imported: result.imported }),
      result.restored > 0 ? t("restored", { count: result.restored }) : "",
      result.updated > 0 ? t("updated", { count: result.updated }) : "",
      result.kept > 0 ? t("kept", { count: result.kept }) : "",
      result.orphaned > 0 ? t("orphaned", { count: result.orphaned }) : "",
    ];
    return `${parts.join("")}.`;
  };

  const importFile = async (file: File) => {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/notes/import", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: await file.text(),
      });
      const result = await parseResponse(response, importAnswerSchema);
      setState({ kind: "done", message: importMessage(result) });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setState({ kind: "failed", message: t("failed", { file: file.name, reason: apiErrorText(error.status) }) });
      } else setState({ kind: "failed", message: t("unreachable") });
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
        <p
          className="notes-import-result"
          role={state.kind === "failed" ? "alert" : "status"}
          data-import-result={state.kind}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
