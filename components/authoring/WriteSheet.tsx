"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LAYOUT_PRESETS, type LayoutPreset, type LayoutPresetId } from "@/lib/authoring/layout-presets";
import { ProblemList } from "./ProblemList";
import { useAuthoringCall } from "./useAuthoringCall";

/** A not-written chapter: pick a layout preset, get a sheet.mdx with one <Section> stub a cell. */
export function WriteSheet({ course, chapter }: { course: string; chapter: number }) {
  const t = useTranslations("authoring.writeSheet");
  /** "10 / 25 in 2 / 40": each row's height, and its number of sections when more than one. */
  const presetLabel = (option: LayoutPreset) =>
    option.id === "blank"
      ? t("blank")
      : option.rows
          .map((row) => (row.cells > 1 ? t("rowIn", { height: row.height, cells: row.cells }) : String(row.height)))
          .join(" / ");
  const router = useRouter();
  const [preset, setPreset] = useState<LayoutPresetId>("classic");
  const { busy, failure, call } = useAuthoringCall(t("offline"));

  const write = async () => {
    const result = await call(() =>
      fetch(`/api/content/${course}/${chapter}/new-sheet`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ preset }),
      }),
    );
    if (!result.ok) return;
    // One link to change once the studio exists: open /courses/<c>/<n>/edit instead.
    router.push(`/courses/${course}/${chapter}/edit`);
    router.refresh();
  };

  return (
    <section className="write-sheet" aria-labelledby="write-sheet-title" data-write-sheet>
      <h2 id="write-sheet-title">{t("heading")}</h2>
      <fieldset>
        <legend>{t("pick")}</legend>
        <div className="preset-list">
          {LAYOUT_PRESETS.map((option) => (
            <label key={option.id} className="preset-option" data-preset={option.id}>
              <input
                type="radio"
                name="preset"
                value={option.id}
                checked={preset === option.id}
                onChange={() => setPreset(option.id)}
              />
              <span
                className="preset-page"
                aria-hidden="true"
                style={{ gridTemplateRows: option.rows.map((row) => `${row.height}fr`).join(" ") }}
              >
                {option.rows.map((row, index) => (
                  <span
                    key={index}
                    className={row.cells === 0 ? "preset-row preset-title" : "preset-row"}
                    style={{ gridTemplateColumns: `repeat(${Math.max(row.cells, 1)}, 1fr)` }}
                  >
                    {Array.from({ length: Math.max(row.cells, 1) }, (_, cell) => (
                      <span key={cell} className="preset-cell" />
                    ))}
                  </span>
                ))}
              </span>
              <span className="preset-label">{presetLabel(option)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {failure ? <ProblemList failure={failure} /> : null}
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void write()}
        aria-disabled={busy}
        disabled={busy}
        data-write-sheet-submit
      >
        {busy ? t("busy") : `✏️ ${t("write")}`}
      </button>
    </section>
  );
}
