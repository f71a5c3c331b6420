"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import {
  ADD_SECTION_NOTE_EVENT,
  NOTE_COUNTS_EVENT,
  type AddSectionNoteDetail,
  type NoteCountsDetail,
} from "./section-note-events";

/** The small "add a note" button on a section of the sheet, with the section's note count. */
export function SectionNoteButton({ section, title }: { section: string; title: string }) {
  const t = useTranslations("notes.sectionButton");
  const [count, setCount] = useState(0);
  useEffect(() => {
    const onCounts = (event: Event) => setCount((event as CustomEvent<NoteCountsDetail>).detail[section] ?? 0);
    window.addEventListener(NOTE_COUNTS_EVENT, onCounts);
    return () => window.removeEventListener(NOTE_COUNTS_EVENT, onCounts);
  }, [section]);
  const addNote = () => {
    const detail: AddSectionNoteDetail = { section, title };
    window.dispatchEvent(new CustomEvent(ADD_SECTION_NOTE_EVENT, { detail }));
  };
  return (
    <button
      type="button"
      className="sheet-note-button"
      data-note-count={count}
      onClick={addNote}
      aria-label={t("label", { title, count })}
      title={t("title")}
    >
      ✎{count > 0 ? <span className="sheet-note-count">{count}</span> : null}
    </button>
  );
}
