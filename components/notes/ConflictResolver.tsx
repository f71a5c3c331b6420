"use client";

import { useState } from "react";
import { mergeTexts } from "@/lib/notes/merge";
import type { ConflictChoice } from "@/lib/notes/outbox";
import type { NoteJson } from "@/lib/notes/schemas";

/**
 * Shown when another tab saved (or deleted) the note first: both texts side by side, and the
 * user keeps one or merges them. Nothing is thrown away before they choose.
 */
export function ConflictResolver({ mine, base, theirs, onResolve }: { mine: string; base: string | null; theirs: NoteJson; onResolve: (choice: ConflictChoice) => void }) {
  const [merged, setMerged] = useState<{ text: string; clean: boolean } | null>(null);
  const deleted = theirs.deletedAt !== null;
  const saved = new Date(theirs.updatedAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  return (
    <div className="note-conflict" data-conflict role="group" aria-label="Two versions of this note">
      <p className="note-conflict-title" role="alert">
        ⚠ {deleted ? "This note was deleted in another tab or window" : "This note was changed in another tab or window"} while you edited it. Both versions are kept until you choose.
      </p>
      <div className="note-conflict-versions">
        <figure data-conflict-mine>
          <figcaption>Your version</figcaption>
          <pre>{mine}</pre>
        </figure>
        <figure data-conflict-theirs>
          <figcaption>{deleted ? "Deleted elsewhere" : `Saved version (${saved})`}</figcaption>
          <pre>{deleted ? "" : theirs.body}</pre>
        </figure>
      </div>
      {merged ? (
        <div className="note-conflict-merge">
          <label>
            <span>{merged.clean ? "Merged automatically — check it, then save" : "Merge: edit the text between the <<<<<<< and >>>>>>> markers"}</span>
            <textarea value={merged.text} onChange={(event) => setMerged({ ...merged, text: event.target.value })} autoFocus data-conflict-merged />
          </label>
          <div className="note-conflict-actions">
            <button type="button" className="btn btn-primary" onClick={() => onResolve({ merged: merged.text })}>
              Save merged text
            </button>
            <button type="button" className="btn" onClick={() => setMerged(null)}>
              Back
            </button>
          </div>
        </div>
      ) : (
        <div className="note-conflict-actions">
          <button type="button" className="btn btn-primary" onClick={() => onResolve({ keep: "mine" })} data-keep="mine">
            Keep mine
          </button>
          <button type="button" className="btn" onClick={() => onResolve({ keep: "theirs" })} data-keep="theirs">
            {deleted ? "Let it be deleted" : "Keep saved"}
          </button>
          {deleted ? null : (
            <button type="button" className="btn" onClick={() => setMerged(mergeTexts(base ?? "", mine, theirs.body))} data-keep="merge">
              Merge…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
