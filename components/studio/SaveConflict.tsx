"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { mergeTexts } from "@/lib/notes/merge";

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
  const t = useTranslations("studio.conflict");
  const [merged, setMerged] = useState<{ text: string; clean: boolean } | null>(null);
  return (
    <div className="studio-conflict" data-studio-conflict role="group" aria-label={t("versions")}>
      <p className="studio-conflict-title" role="alert">
        ⚠ {t("title")}
      </p>
      <div className="studio-conflict-versions">
        <figure data-conflict-mine>
          <figcaption>{t("mine")}</figcaption>
          <pre>{mine}</pre>
        </figure>
        <figure data-conflict-theirs>
          <figcaption>{t("theirs")}</figcaption>
          <pre>{theirs}</pre>
        </figure>
      </div>
      {merged ? (
        <label className="studio-conflict-merge">
          <span>{merged.clean ? t("cleanHint") : t("mergeHint")}</span>
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
              {t("useMerged")}
            </button>
            <button type="button" className="btn" onClick={() => setMerged(null)}>
              {t("back")}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary" data-keep="mine" onClick={() => onResolve(mine, true)}>
              {t("keepMine")}
            </button>
            <button type="button" className="btn" data-keep="theirs" onClick={() => onResolve(theirs, false)}>
              {t("keepTheirs")}
            </button>
            <button
              type="button"
              className="btn"
              data-keep="merge"
              onClick={() => setMerged(mergeTexts(base, mine, theirs))}
            >
              {t("merge")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
