"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { PALETTE_ITEMS, type SectionFields, type SnippetId } from "@/lib/studio/snippets";
import { SectionForm } from "./SectionForm";

export type PaletteChoice =
  { kind: "snippet"; id: SnippetId } | { kind: "section"; fields: SectionFields; row: number };

/**
 * The insert palette (`/` on an empty line, or the toolbar): type to filter, ↑/↓ to pick, Enter to
 * insert, Escape to go back to the editor. Section asks for its fields and its row in the layout.
 */
export function InsertPalette({
  rows,
  taken,
  onPick,
  onClose,
}: {
  /** How many rows the layout has (0 when it cannot be read: a Section then goes in no row). */
  rows: number;
  taken: Set<string>;
  onPick: (choice: PaletteChoice) => void;
  onClose: () => void;
}) {
  const t = useTranslations("studio.palette");
  const uid = useId();
  const [filter, setFilter] = useState("");
  const [active, setActive] = useState(0);
  const [asking, setAsking] = useState(false);
  const [row, setRow] = useState(Math.max(rows - 1, 0));
  const labels: Record<(typeof PALETTE_ITEMS)[number], string> = {
    section: t("items.section"),
    box: t("items.box"),
    columns: t("items.columns"),
    quote: t("items.quote"),
    highlight: t("items.highlight"),
    term: t("items.term"),
    card: t("items.card"),
    table: t("items.table"),
    mindmap: t("items.mindmap"),
    flowchart: t("items.flowchart"),
    sequence: t("items.sequence"),
    timeline: t("items.timeline"),
    pie: t("items.pie"),
    quadrant: t("items.quadrant"),
    state: t("items.state"),
  };
  const label = (id: (typeof PALETTE_ITEMS)[number]) => labels[id];
  const shown = PALETTE_ITEMS.filter((id) => `${id} ${label(id)}`.toLowerCase().includes(filter.trim().toLowerCase()));
  const current = shown[Math.min(active, shown.length - 1)];

  const choose = (id: (typeof PALETTE_ITEMS)[number] | undefined) => {
    if (id === undefined) return;
    if (id === "section") setAsking(true);
    else onPick({ kind: "snippet", id });
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      setActive((index) => (Math.min(index, shown.length - 1) + step + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <div
      className="studio-palette"
      role="dialog"
      aria-label={t("heading")}
      data-insert-palette
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {asking ? (
        <SectionForm
          taken={taken}
          submitLabel={t("insertSection")}
          onCancel={() => setAsking(false)}
          onSubmit={(fields) => onPick({ kind: "section", fields, row })}
          placeField={
            rows > 0 ? (
              <label className="studio-form-field" htmlFor={`${uid}-row`}>
                {t("place")}
                <select id={`${uid}-row`} value={row} onChange={(event) => setRow(Number(event.target.value))}>
                  {Array.from({ length: rows }, (_, index) => (
                    <option key={index} value={index}>
                      {t("inRow", { n: index + 1 })}
                    </option>
                  ))}
                  <option value={rows}>{t("newRow")}</option>
                </select>
              </label>
            ) : null
          }
        />
      ) : (
        <>
          <input
            className="studio-palette-filter"
            value={filter}
            autoFocus
            role="combobox"
            aria-expanded
            aria-controls={`${uid}-list`}
            aria-activedescendant={current ? `${uid}-${current}` : undefined}
            aria-label={t("filter")}
            placeholder={t("filter")}
            onChange={(event) => {
              setFilter(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKey}
          />
          <ul className="studio-palette-list" role="listbox" id={`${uid}-list`} aria-label={t("heading")}>
            {shown.map((id) => (
              <li
                key={id}
                id={`${uid}-${id}`}
                role="option"
                aria-selected={id === current}
                data-palette-item={id}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(id)}
              >
                {label(id)}
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="studio-note">{t("none")}</p> : null}
        </>
      )}
    </div>
  );
}
