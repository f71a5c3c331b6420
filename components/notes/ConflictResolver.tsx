"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { mergeTexts } from "@/lib/notes/merge";
import type { ConflictChoice } from "@/lib/notes/outbox";
import type { NoteJson } from "@/lib/notes/schemas";

/**
 * Shown when another tab saved (or deleted) the note first: both texts side by side, and the
 * user keeps one or merges them. Nothing is thrown away before they choose.
 */
export function ConflictResolver({
  mine,
  base,
  theirs,
  onResolve,
}: {
  mine: string;
  base: string | null;
  theirs: NoteJson;
  onResolve: (choice: ConflictChoice) => void;
}) {
  const t = useTranslations("notes.conflict");
  const format = useFormatter();
  const [merged, setMerged] = useState<{ text: string; clean: boolean } | null>(null);
  const deleted = theirs.deletedAt !== null;
  const saved = format.dateTime(new Date(theirs.updatedAt), "time");

  return (
    <div className="note-conflict" data-conflict role="group" aria-label={t("group")}>
      <p className="note-conflict-title" role="alert">
        ⚠ {deleted ? t("deletedElsewhere") : t("changedElsewhere")}
      </p>
      <div className="note-conflict-versions">
        <figure data-conflict-mine>
          <figcaption>{t("mine")}</figcaption>
          <pre translate="no">{mine}</pre>
        </figure>
        <figure data-conflict-theirs>
          <figcaption>{deleted ? t("theirsDeleted") : t("theirs", { time: saved })}</figcaption>
          <pre translate="no">{deleted ? "" : theirs.body}</pre>
        </figure>
      </div>
      {merged ? (
        <div className="note-conflict-merge">
          <label>
            <span>{merged.clean ? t("mergedClean") : t("mergedMarkers")}</span>
            <textarea
              value={merged.text}
              onChange={(event) => setMerged({ ...merged, text: event.target.value })}
              autoFocus
              data-conflict-merged
            />
          </label>
          <div className="note-conflict-actions">
            <button type="button" className="btn btn-primary" onClick={() => onResolve({ merged: merged.text })}>
              {t("saveMerged")}
            </button>
            <button type="button" className="btn" onClick={() => setMerged(null)}>
              {t("back")}
            </button>
          </div>
        </div>
      ) : (
        <div className="note-conflict-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => onResolve({ keep: "mine" })}
            data-keep="mine"
          >
            {t("keepMine")}
          </button>
          <button type="button" className="btn" onClick={() => onResolve({ keep: "theirs" })} data-keep="theirs">
            {deleted ? t("letDelete") : t("keepTheirs")}
          </button>
          {deleted ? null : (
            <button
              type="button"
              className="btn"
              onClick={() => setMerged(mergeTexts(base ?? "", mine, theirs.body))}
              data-keep="merge"
            >
              {t("merge")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
