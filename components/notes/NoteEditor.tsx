"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { formatTimestamp, parseTimestamp } from "@/lib/content/timestamps";
import type { SheetSectionRef } from "@/lib/notes/grouping";
import type { NoteSnapshot } from "@/lib/notes/outbox";
import { LazyNoteMarkdown } from "./LazyNoteMarkdown";
import type { NoteView } from "@/lib/notes/note-store";

/** Markdown editing with a preview, the note's section and moment; every change autosaves. */
export function NoteEditor({
  note,
  sections,
  onChange,
  onClose,
}: {
  note: NoteView;
  sections: SheetSectionRef[];
  onChange: (change: Partial<NoteSnapshot>) => void;
  onClose: () => void;
}) {
  const t = useTranslations("notes.editor");
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [moment, setMoment] = useState(note.timestamp === null ? "" : formatTimestamp(note.timestamp));
  const momentValid = moment.trim() === "" || parseTimestamp(moment) !== null;
  const sectionGone = note.section !== null && !sections.some((section) => section.id === note.section);

  const commitMoment = () => {
    if (!momentValid) return;
    const seconds = moment.trim() === "" ? null : parseTimestamp(moment);
    if (seconds !== note.timestamp) onChange({ timestamp: seconds });
  };
  const closeKeys = (event: KeyboardEvent) => {
    if (event.key === "Escape" || (event.key === "Enter" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      commitMoment();
      onClose();
    }
  };

  return (
    <div className="note-editor" onKeyDown={closeKeys}>
      <div role="tablist" aria-label={t("mode")} className="note-editor-tabs">
        {(["write", "preview"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="tab"
            id={`${id}-${mode}-tab`}
            aria-selected={tab === mode}
            aria-controls={`${id}-${mode}`}
            onClick={() => setTab(mode)}
          >
            {mode === "write" ? t("write") : t("preview")}
          </button>
        ))}
      </div>
      {tab === "write" ? (
        <div id={`${id}-write`} role="tabpanel" aria-labelledby={`${id}-write-tab`}>
          <textarea
            aria-label={t("text")}
            className="note-textarea"
            value={note.body}
            placeholder={t("placeholder")}
            onChange={(event) => onChange({ body: event.target.value })}
            autoFocus
            spellCheck
            data-note-input
          />
        </div>
      ) : (
        <div
          id={`${id}-preview`}
          role="tabpanel"
          aria-labelledby={`${id}-preview-tab`}
          className="note-body note-preview"
          tabIndex={0}
          translate="no"
        >
          {note.body.trim() ? (
            <LazyNoteMarkdown text={note.body} />
          ) : (
            <p className="note-empty">{t("nothingToPreview")}</p>
          )}
        </div>
      )}
      <div className="note-editor-fields">
        <label>
          <span>{t("section")}</span>
          <select
            value={note.section ?? ""}
            onChange={(event) => {
              const section = sections.find((candidate) => candidate.id === event.target.value);
              onChange(
                section ? { section: section.id, sectionTitle: section.title } : { section: null, sectionTitle: null },
              );
            }}
          >
            <option value="">{t("wholeChapter")}</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.icon} {section.title}
              </option>
            ))}
            {sectionGone ? (
              <option value={note.section ?? ""}>
                {t("sectionGone", { title: note.sectionTitle ?? note.section ?? "" })}
              </option>
            ) : null}
          </select>
        </label>
        <label>
          <span>{t("at")}</span>
          <input
            type="text"
            inputMode="numeric"
            placeholder="mm:ss"
            value={moment}
            onChange={(event) => setMoment(event.target.value)}
            onBlur={commitMoment}
            onKeyDown={(event) => event.key === "Enter" && commitMoment()}
            aria-invalid={!momentValid}
            aria-describedby={momentValid ? undefined : `${id}-moment-error`}
            className="note-moment-input"
          />
        </label>
        {momentValid ? null : (
          <span id={`${id}-moment-error`} className="note-field-error">
            {t("momentInvalid")}
          </span>
        )}
      </div>
      <div className="note-editor-foot">
        <span className="note-hint">{t("hint")}</span>
        <button
          type="button"
          className="btn"
          onClick={() => {
            commitMoment();
            onClose();
          }}
        >
          {t("done")}
        </button>
      </div>
    </div>
  );
}
