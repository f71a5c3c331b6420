"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiStatusError } from "@/components/app/api-errors";
import type { DiagramEditJson } from "@/lib/diagrams/types";

type EditsByKey = Record<string, DiagramEditJson>;

export interface DiagramEdits {
  /** False until the user's edits are known: diagrams wait, so the original never flashes first. */
  known: boolean;
  /** The edits could not be loaded: the originals are drawn, and the user is told. */
  loadFailed: boolean;
  /** The sheet offers editing (the chapter page), or only draws the edits (print, PDF). */
  editable: boolean;
  edits: EditsByKey;
  save: (diagramKey: string, source: string) => Promise<void>;
  reset: (diagramKey: string) => Promise<void>;
}

const noEdits: DiagramEdits = {
  known: true,
  loadFailed: false,
  editable: false,
  edits: {},
  save: () => Promise.reject(new Error("diagrams cannot be edited here")),
  reset: () => Promise.reject(new Error("diagrams cannot be edited here")),
};

const DiagramEditsContext = createContext<DiagramEdits>(noEdits);

export function useDiagramEdits(): DiagramEdits {
  return useContext(DiagramEditsContext);
}

function byKey(edits: DiagramEditJson[]): EditsByKey {
  return Object.fromEntries(edits.map((edit) => [edit.diagramKey, edit]));
}

/** The failed answer as an error carrying its status (the user reads it translated: useApiErrorText). */
async function failure(response: Response): Promise<ApiStatusError> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return new ApiStatusError(response.status, body.error);
  } catch {
    // not JSON: fall through
  }
  return new ApiStatusError(response.status, `the server answered ${response.status} ${response.statusText}`.trim());
}

/**
 * The user's own versions of the sheet's diagrams. The print page passes them in (loaded on the
 * server, so print and PDF draw the edits straight away); the static chapter page fetches them.
 */
export function DiagramEditsProvider({
  course,
  chapter,
  initialEdits,
  hasDiagrams,
  editable,
  children,
}: {
  course: string;
  chapter: number;
  /** Known on the server (print): no fetch. Undefined: fetched from the API on mount. */
  initialEdits?: DiagramEditJson[];
  hasDiagrams: boolean;
  editable: boolean;
  children: ReactNode;
}) {
  const preloaded = initialEdits !== undefined || !hasDiagrams;
  const [edits, setEdits] = useState<EditsByKey>(() => byKey(initialEdits ?? []));
  const [known, setKnown] = useState(preloaded);
  const [loadFailed, setLoadFailed] = useState(false);
  const base = `/api/diagrams/${encodeURIComponent(course)}/${chapter}`;

  useEffect(() => {
    if (preloaded) return;
    let cancelled = false;
    fetch(base, { cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw await failure(response);
        return (await response.json()) as { edits: DiagramEditJson[] };
      })
      .then(
        (body) => {
          if (!cancelled) setEdits(byKey(body.edits));
        },
        () => {
          if (!cancelled) setLoadFailed(true);
        },
      )
      .finally(() => {
        if (!cancelled) setKnown(true);
      });
    return () => {
      cancelled = true;
    };
  }, [base, preloaded]);

  const save = useCallback(
    async (diagramKey: string, source: string) => {
      const response = await fetch(`${base}/${diagramKey}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ source }),
      });
      if (!response.ok) throw await failure(response);
      const edit = (await response.json()) as DiagramEditJson;
      setEdits((current) => ({ ...current, [diagramKey]: edit }));
    },
    [base],
  );

  const reset = useCallback(
    async (diagramKey: string) => {
      const response = await fetch(`${base}/${diagramKey}`, { method: "DELETE" });
      if (!response.ok) throw await failure(response);
      setEdits((current) => {
        const next = { ...current };
        delete next[diagramKey];
        return next;
      });
    },
    [base],
  );

  const value = useMemo<DiagramEdits>(() => ({ known, loadFailed, editable, edits, save, reset }), [known, loadFailed, editable, edits, save, reset]);
  return <DiagramEditsContext.Provider value={value}>{children}</DiagramEditsContext.Provider>;
}
