"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { TITLE_SECTION_ID } from "@/lib/sheet-layout/layout";
import { LayoutRewriteError, readLayout, wholeWidths, type LayoutRowView } from "@/lib/studio/layout-rewrite";
import * as structure from "@/lib/studio/layout-structure";
import { appendBlock, sectionBlock, type SectionFields } from "@/lib/studio/snippets";
import { SectionForm } from "./SectionForm";
import { useLayoutErrorText } from "./layout-error-text";

/** A percentage typed and committed with Enter or on leaving the field; ↑/↓ step by one at once. */
function PercentField({
  value,
  label,
  focusKey,
  onCommit,
}: {
  value: number;
  label: string;
  focusKey: string;
  onCommit: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const typed = Number(draft);
    setDraft(null);
    if (draft !== null && Number.isFinite(typed) && typed !== value) onCommit(Math.round(typed));
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowUp: 1, ArrowDown: -1 }[event.key];
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (step !== undefined) {
      event.preventDefault();
      setDraft(null);
      onCommit(value + step);
    }
  };
  return (
    <input
      className="studio-percent"
      type="number"
      min={1}
      max={99}
      value={draft ?? String(value)}
      aria-label={label}
      data-focus-key={focusKey}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKey}
    />
  );
}

type Adding = { kind: "row" | "section"; row: number } | null;

/**
 * The layout panel: every row with its height and its sections with their widths, and buttons to
 * add, remove and reorder them, all from the keyboard. Each change rewrites the frontmatter's
 * `layout:` in place (lib/studio/layout-structure.ts) as one editor change, so Ctrl Z undoes it.
 */
export function LayoutPanel({
  source,
  onChange,
  onUndo,
}: {
  source: string;
  onChange: (source: string) => void;
  /** Ctrl Z / Ctrl Shift Z in the panel undo / redo in the editor, where the changes were made. */
  onUndo: (redo: boolean) => void;
}) {
  const t = useTranslations("studio.layout");
  const panel = useRef<HTMLElement>(null);
  const focusNext = useRef<string | null>(null);
  const [problem, setProblem] = useState<LayoutRewriteError | null>(null);
  const layoutErrorText = useLayoutErrorText();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [adding, setAdding] = useState<Adding>(null);

  let rows: LayoutRowView[] | null = null;
  try {
    rows = readLayout(source);
  } catch {
    rows = null;
  }

  // Focus stays with what was moved or changed, though the panel was drawn anew from the new text.
  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    panel.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
  });

  const run = (change: () => string | structure.LayoutChange, nextFocus: string) => {
    try {
      const result = change();
      const next = typeof result === "string" ? result : result.source;
      setUnplaced(typeof result === "string" ? [] : result.unplaced);
      setProblem(null);
      focusNext.current = nextFocus;
      if (next !== source) onChange(next);
    } catch (error) {
      if (!(error instanceof LayoutRewriteError)) throw error;
      setProblem(error);
    }
  };

  const add = (fields: SectionFields) => {
    if (!adding) return;
    const { kind, row } = adding;
    setAdding(null);
    run(
      () =>
        appendBlock(
          kind === "row" ? structure.addRow(source, row, fields.id) : structure.addSectionToRow(source, row, fields.id),
          sectionBlock(fields),
        ),
      kind === "row" ? `row-${row + 1}-height` : `row-${row}-add-section`,
    );
  };

  const button = (label: string, text: string, key: string, onClick: () => void) => (
    <button
      type="button"
      className="btn studio-btn-small"
      aria-label={label}
      title={label}
      data-focus-key={key}
      onClick={onClick}
    >
      {text}
    </button>
  );

  const taken = new Set(rows?.flatMap((row) => row.sections.map((s) => s.id)) ?? []);
  return (
    <section
      className="studio-layout-panel"
      aria-label={t("heading")}
      ref={panel}
      data-layout-panel
      onKeyDown={(event) => {
        // A typed number is the field's own to undo.
        if (!(event.ctrlKey || event.metaKey) || event.code !== "KeyZ" || event.target instanceof HTMLInputElement)
          return;
        event.preventDefault();
        onUndo(event.shiftKey);
      }}
    >
      <h2 className="studio-panel-heading">{t("heading")}</h2>
      {rows === null ? (
        <p className="studio-note">{t("unreadable")}</p>
      ) : (
        <ol className="studio-layout-rows">
          {rows.map((row, r) => {
            const widths = wholeWidths(row.sections.map((s) => s.width));
            return (
              <li key={r} data-layout-row={r}>
                <div className="studio-layout-row-head">
                  <span className="studio-layout-row-name">{t("row", { n: r + 1 })}</span>
                  <PercentField
                    value={row.height}
                    label={t("height", { n: r + 1 })}
                    focusKey={`row-${r}-height`}
                    onCommit={(value) => run(() => structure.setRowHeight(source, r, value), `row-${r}-height`)}
                  />
                  %
                  {button(t("rowUp", { n: r + 1 }), "↑", `row-${r}-up`, () =>
                    run(() => structure.moveRow(source, r, -1), `row-${Math.max(r - 1, 0)}-up`),
                  )}
                  {button(t("rowDown", { n: r + 1 }), "↓", `row-${r}-down`, () =>
                    run(() => structure.moveRow(source, r, 1), `row-${Math.min(r + 1, rows.length - 1)}-down`),
                  )}
                  {button(t("removeRow", { n: r + 1 }), "✕", `row-${r}-remove`, () =>
                    run(
                      () => structure.removeRow(source, r),
                      `row-${Math.max(Math.min(r, rows.length - 2), 0)}-remove`,
                    ),
                  )}
                </div>
                <ul className="studio-layout-sections">
                  {row.sections.map((section, i) => {
                    const name = section.id === TITLE_SECTION_ID ? t("titleBanner") : section.id;
                    return (
                      <li key={`${section.id}-${i}`} data-layout-section={section.id}>
                        <span className="studio-layout-id" translate="no">
                          {name}
                        </span>
                        {row.sections.length > 1 ? (
                          <>
                            <PercentField
                              value={widths[i] ?? 0}
                              label={t("width", { id: name })}
                              focusKey={`sec-${r}-${i}-width`}
                              onCommit={(value) =>
                                run(() => structure.setSectionWidth(source, r, i, value), `sec-${r}-${i}-width`)
                              }
                            />
                            %
                            {button(t("left", { id: name }), "←", `sec-${r}-${i}-left`, () =>
                              run(() => structure.moveSection(source, r, i, -1), `sec-${r}-${Math.max(i - 1, 0)}-left`),
                            )}
                            {button(t("right", { id: name }), "→", `sec-${r}-${i}-right`, () =>
                              run(
                                () => structure.moveSection(source, r, i, 1),
                                `sec-${r}-${Math.min(i + 1, row.sections.length - 1)}-right`,
                              ),
                            )}
                          </>
                        ) : null}
                        {button(t("removeSection", { id: name }), "✕", `sec-${r}-${i}-remove`, () =>
                          run(() => structure.removeSectionFromRow(source, r, i), `row-${r}-add-section`),
                        )}
                      </li>
                    );
                  })}
                </ul>
                <div className="studio-layout-row-actions">
                  {(
                    [
                      ["section", t("addSection", { n: r + 1 })],
                      ["row", t("addRow", { n: r + 1 })],
                    ] as const
                  ).map(([kind, label]) => (
                    <button
                      key={kind}
                      type="button"
                      className="studio-link"
                      data-focus-key={`row-${r}-add-${kind}`}
                      onClick={() => setAdding({ kind, row: r })}
                    >
                      {label}
                    </button>
                  ))}
                </div>
                {adding?.row === r ? (
                  <SectionForm
                    taken={taken}
                    submitLabel={adding.kind === "row" ? t("addRowSubmit") : t("addSectionSubmit")}
                    onSubmit={add}
                    onCancel={() => {
                      setAdding(null);
                      focusNext.current = `row-${r}-add-${adding.kind}`;
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {unplaced.length > 0 ? (
        <p className="studio-note" role="status" data-layout-unplaced={unplaced.join(" ")}>
          {t("unplaced", { ids: unplaced.join(", "), count: unplaced.length })}
        </p>
      ) : null}
      {problem ? (
        <p className="studio-form-problem" role="alert">
          {layoutErrorText(problem)}
        </p>
      ) : null}
    </section>
  );
}
