"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { lineDiff } from "@/lib/studio/line-diff";
import { sheetVersionSchema, sheetVersionsSchema } from "@/lib/studio/schemas";

type Version = { id: string; savedAt: string; bytes: number };

/** Every saved version with time and size; pick one to see its diff with the editor and restore it. */
export function HistoryPanel({
  apiBase,
  current,
  refresh,
  onRestore,
}: {
  apiBase: string;
  current: string;
  refresh: number;
  onRestore: (text: string) => void;
}) {
  const t = useTranslations("studio.history");
  const format = useFormatter();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<{ id: string; source: string } | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`${apiBase}/history`)
      .then((response) => response.json())
      .then((json: unknown) => {
        const parsed = sheetVersionsSchema.safeParse(json);
        if (!live) return;
        if (parsed.success) setVersions(parsed.data.versions);
        else setFailed(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [apiBase, refresh]);

  const pick = async (id: string) => {
    const parsed = sheetVersionSchema.safeParse(
      await (await fetch(`${apiBase}/history/${encodeURIComponent(id)}`)).json(),
    );
    if (parsed.success) setPicked(parsed.data);
  };

  return (
    <section className="studio-history" data-studio-history aria-label={t("heading")}>
      <h2>{t("heading")}</h2>
      {failed ? <p>{t("failed")}</p> : null}
      {versions?.length === 0 ? <p>{t("empty")}</p> : null}
      <ol>
        {versions?.map((version) => (
          <li key={version.id}>
            <button
              type="button"
              className="studio-link"
              aria-pressed={picked?.id === version.id}
              onClick={() => void pick(version.id)}
              data-version={version.id}
            >
              {format.dateTime(new Date(version.savedAt), "full")} ·{" "}
              {format.number(version.bytes / 1024, {
                style: "unit",
                unit: "kilobyte",
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              })}
            </button>
          </li>
        ))}
      </ol>
      {picked ? (
        <div className="studio-history-diff">
          <p>{t("diffHint")}</p>
          <pre data-version-diff>
            {lineDiff(picked.source, current).map((line, index) =>
              line.kind === "same" ? null : (
                <span key={index} data-diff={line.kind}>
                  {line.kind === "removed" ? "- " : "+ "}
                  {line.text}
                  {"\n"}
                </span>
              ),
            )}
          </pre>
          <button type="button" className="btn" onClick={() => onRestore(picked.source)} data-restore>
            {t("restore")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
