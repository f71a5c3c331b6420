"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { formatTimestamp, parseTimestamp } from "@/lib/content/timestamps";
import type { SheetSectionRef } from "@/lib/notes/grouping";
import type { NoteSnapshot } from "@/lib/notes/outbox";
import { NoteMarkdown } from "./NoteMarkdown";
import type { NoteView } from "@/lib/notes/note-store";

/** Markdown editing with a preview, the note's section and moment; every change autosaves. */
export function NoteEditor({ note, sections, onChange, onClose }: { note: NoteView; sections: SheetSectionRef[]; onChange: (change: Partial<NoteSnapshot>) => void; onClose: () => void }) {
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
      <div role="tablist" aria-label="Editor mode" className="note-editor-tabs">
        {(["write", "preview"] as const).map((mode) => (
          <button key={mode} type="button" role="tab" id={`${id}-${mode}-tab`} aria-selected={tab === mode} aria-controls={`${id}-${mode}`} onClick={() => setTab(mode)}>
            {mode === "write" ? "Write" : "Preview"}
          </button>
        ))}
      </div>
      {tab === "write" ? (
        <div id={`${id}-write`} role="tabpanel" aria-labelledby={`${id}-write-tab`}>
          <textarea
            aria-label="Note text (Markdown)"
            className="note-textarea"
            value={note.body}
            placeholder="Write in Markdown: **bold**, - lists, `code`, [links](https://…)"
            onChange={(event) => onChange({ body: event.target.value })}
            autoFocus
            spellCheck
            data-note-input
          />
        </div>
      ) : (
        <div id={`${id}-preview`} role="tabpanel" aria-labelledby={`${id}-preview-tab`} className="note-body note-preview" tabIndex={0}>
          {note.body.trim() ? <NoteMarkdown text={note.body} /> : <p className="note-empty">Nothing to preview yet.</p>}
        </div>
      )}
      <div className="note-editor-fields">
        <label>
          <span>Section</span>
          <select
            value={note.section ?? ""}
            onChange={(event) => {
              const section = sections.find((candidate) => candidate.id === event.target.value);
              onChange(section ? { section: section.id, sectionTitle: section.title } : { section: null, sectionTitle: null });
            }}
          >
            <option value="">Whole chapter</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.icon} {section.title}
              </option>
            ))}
            {sectionGone ? <option value={note.section ?? ""}>{note.sectionTitle ?? note.section} (no longer on the sheet)</option> : null}
          </select>
        </label>
        <label>
          <span>At</span>
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
            Write the moment as mm:ss or h:mm:ss
          </span>
        )}
      </div>
      <div className="note-editor-foot">
        <span className="note-hint">Saves as you type · Esc or Ctrl+Enter to close</span>
        <button
          type="button"
          className="btn"
          onClick={() => {
            commitMoment();
            onClose();
          }}
        >
          Done
        </button>
      </div>
    </div>
  );
}
