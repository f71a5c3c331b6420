"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, fetchJson, readErrorAnswer, sendJson } from "@/lib/api/client";
import { diagramEditJsonSchema, diagramEditsAnswerSchema, type DiagramEditJson } from "@/lib/diagrams/types";

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
async function failure(response: Response): Promise<ApiError> {
  const answer = await readErrorAnswer(response);
  const message = answer.error ?? `the server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(message, response.status, answer);
}

/**
 * The user's own versions of the sheet's diagrams. The pages pass them in (loaded on the server, so
 * the sheet, print and PDF draw the edits straight away); when the server could not read them, they
 * are fetched here.
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
  /** Known on the server: no fetch. Undefined: fetched from the API on mount. */
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
    fetchJson(base, diagramEditsAnswerSchema, { cache: "no-store" })
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
      const edit = await sendJson(`${base}/${diagramKey}`, { source }, diagramEditJsonSchema, { method: "PUT" });
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

  const value = useMemo<DiagramEdits>(
    () => ({ known, loadFailed, editable, edits, save, reset }),
    [known, loadFailed, editable, edits, save, reset],
  );
  return <DiagramEditsContext.Provider value={value}>{children}</DiagramEditsContext.Provider>;
}
