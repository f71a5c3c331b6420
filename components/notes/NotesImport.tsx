"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, parseResponse } from "@/lib/api/client";
import { importAnswerSchema } from "@/lib/notes/schemas";

type ImportState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** Imports a JSON export; notes already here are skipped, so importing twice adds nothing. */
export function NotesImport() {
  const router = useRouter();
  const [state, setState] = useState<ImportState>({ kind: "idle" });

  const importFile = async (file: File) => {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/notes/import", { method: "POST", headers: { "content-type": "application/json" }, body: await file.text() });
      const { imported, skipped } = await parseResponse(response, importAnswerSchema);
      const plural = (n: number) => (n === 1 ? "note" : "notes");
      setState({ kind: "done", message: `Imported ${imported} ${plural(imported)}${skipped > 0 ? `; ${skipped} already here` : ""}.` });
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
