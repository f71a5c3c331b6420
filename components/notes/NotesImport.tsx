"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, parseResponse } from "@/lib/api/client";
import { importAnswerSchema, type ImportAnswer } from "@/lib/notes/schemas";

const plural = (n: number) => (n === 1 ? "note" : "notes");

/** "Imported 2 notes; 1 restored from the bin; …" — only the parts that happened after the first. */
function importMessage(result: ImportAnswer): string {
  const parts = [
    `Imported ${result.imported} ${plural(result.imported)}`,
    result.restored > 0 ? `${result.restored} restored from the bin` : "",
    result.updated > 0 ? `${result.updated} updated to a newer copy` : "",
    result.kept > 0 ? `${result.kept} already here` : "",
    result.orphaned > 0 ? `${result.orphaned} for a chapter not in the library (kept, listed below)` : "",
  ];
  return `${parts.filter(Boolean).join("; ")}.`;
}

type ImportState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** Imports a JSON export: deleted notes come back, the newer copy wins, importing twice adds nothing. */
export function NotesImport() {
  const router = useRouter();
  const [state, setState] = useState<ImportState>({ kind: "idle" });

  const importFile = async (file: File) => {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/notes/import", { method: "POST", headers: { "content-type": "application/json" }, body: await file.text() });
      setState({ kind: "done", message: importMessage(await parseResponse(response, importAnswerSchema)) });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) setState({ kind: "failed", message: `${file.name} was not imported: ${error.message}` });
      else setState({ kind: "failed", message: "The server cannot be reached; nothing was imported." });
    }
  };

  return (
    <div className="notes-import">
      <label className="btn" aria-disabled={state.kind === "busy"}>
        {state.kind === "busy" ? "Importing…" : "⬆ Import JSON"}
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
