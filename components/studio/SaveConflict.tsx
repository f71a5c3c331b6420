"use client";

import { useState } from "react";
import { mergeTexts } from "@/lib/notes/merge";

const LABELS = {
  title: "The file changed on disk since you opened it (another editor, a git pull). Nothing was written.",
  mine: "Your version",
  theirs: "On disk now",
  keepMine: "Keep mine (overwrite)",
  keepTheirs: "Take the one on disk",
  merge: "Merge…",
  useMerged: "Put the merge in the editor",
  mergeHint: "Merged: edit the text between the <<<<<<< and >>>>>>> markers, then save",
  cleanHint: "Merged automatically: check it, then save",
  back: "Back",
} as const;

/** Both versions side by side when a save was refused; the user keeps one or merges (nothing is lost). */
export function SaveConflict({
  base,
  mine,
  theirs,
  onResolve,
}: {
  base: string;
  mine: string;
  theirs: string;
  onResolve: (text: string, save: boolean) => void;
}) {
  const [merged, setMerged] = useState<{ text: string; clean: boolean } | null>(null);
  return (
    <div className="studio-conflict" data-studio-conflict role="group" aria-label="Two versions of this sheet">
      <p className="studio-conflict-title" role="alert">
        ⚠ {LABELS.title}
      </p>
      <div className="studio-conflict-versions">
        <figure data-conflict-mine>
          <figcaption>{LABELS.mine}</figcaption>
          <pre>{mine}</pre>
        </figure>
        <figure data-conflict-theirs>
          <figcaption>{LABELS.theirs}</figcaption>
          <pre>{theirs}</pre>
        </figure>
      </div>
      {merged ? (
        <label className="studio-conflict-merge">
          <span>{merged.clean ? LABELS.cleanHint : LABELS.mergeHint}</span>
          <textarea
            value={merged.text}
            onChange={(event) => setMerged({ ...merged, text: event.target.value })}
            data-conflict-merged
          />
        </label>
      ) : null}
      <div className="studio-conflict-actions">
        {merged ? (
          <>
            <button type="button" className="btn btn-primary" onClick={() => onResolve(merged.text, false)}>
              {LABELS.useMerged}
            </button>
            <button type="button" className="btn" onClick={() => setMerged(null)}>
              {LABELS.back}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary" data-keep="mine" onClick={() => onResolve(mine, true)}>
              {LABELS.keepMine}
            </button>
            <button type="button" className="btn" data-keep="theirs" onClick={() => onResolve(theirs, false)}>
              {LABELS.keepTheirs}
            </button>
            <button
              type="button"
              className="btn"
              data-keep="merge"
              onClick={() => setMerged(mergeTexts(base, mine, theirs))}
            >
              {LABELS.merge}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
