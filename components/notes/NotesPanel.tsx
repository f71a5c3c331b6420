"use client";

import { useTranslations } from "next-intl";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { IconButton } from "@/components/app/IconButton";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { countBySection, groupNotesBySection, type SheetSectionRef } from "@/lib/notes/grouping";
import type { NoteContent } from "@/lib/notes/conflict";
import { NoteCard } from "./NoteCard";
import { preloadNoteMarkdown } from "./LazyNoteMarkdown";
import { noteStore, type NoteView } from "@/lib/notes/note-store";
import { ProgressControl } from "./ProgressControl";
import { SaveStatus } from "./SaveStatus";
import { parseStoredJson } from "@/lib/api/client";
import {
  ADD_SECTION_NOTE_EVENT,
  NEW_NOTE_EVENT,
  NOTE_COUNTS_EVENT,
  noteCountsSchema,
  type AddSectionNoteDetail,
  type NoteCountsDetail,
} from "./section-note-events";

export type { SheetSectionRef };

const UNDO_MS = 10_000;

/**
 * The chapter's notes beside the sheet, grouped by section: write, preview, move, delete with
 * undo, resolve conflicts. Talks to the API through the note store; never printed.
 */
export function NotesPanel({
  course,
  chapter,
  sections,
  hasSource = false,
}: {
  course: string;
  chapter: number;
  sections: SheetSectionRef[];
  hasSource?: boolean;
}) {
  const t = useTranslations("notes.panel");
  useSyncExternalStore(noteStore.subscribe, noteStore.getVersion, () => 0);
  const place = { course, chapter };
  const notes = noteStore.notesOf(place);
  const load = noteStore.loadState(place);
  const [editing, setEditing] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // The open editor, for callbacks that must not change identity with it.
  const editingRef = useRef<string | null>(null);
  useEffect(() => {
    editingRef.current = editing;
  }, [editing]);

  useEffect(() => {
    void noteStore.start().then(() => {
      // Beside the notes' own request, not at mount: evaluating it took 30 ms of the main thread
      // while the sheet was still being made ready.
      preloadNoteMarkdown();
      return noteStore.loadChapter({ course, chapter });
    });
  }, [course, chapter]);

  const openEditor = useCallback((id: string | null) => {
    const previous = editingRef.current;
    if (previous && previous !== id) noteStore.discardIfBlank(previous);
    setEditing(id);
  }, []);

  const addNote = useCallback(
    (content: Partial<NoteContent>) => {
      void noteStore.start().then(() => openEditor(noteStore.create({ course, chapter }, content)));
    },
    [course, chapter, openEditor],
  );

  // The sheet's ✎ buttons ask for a note on their section.
  useEffect(() => {
    const onAdd = (event: Event) => {
      const { section, title } = (event as CustomEvent<AddSectionNoteDetail>).detail;
      addNote({ section, sectionTitle: title });
    };
    window.addEventListener(ADD_SECTION_NOTE_EVENT, onAdd);
    return () => window.removeEventListener(ADD_SECTION_NOTE_EVENT, onAdd);
  }, [addNote]);

  // The `n` shortcut (ChapterKeyboard) writes a chapter note.
  useEffect(() => {
    const onNew = () => addNote({});
    window.addEventListener(NEW_NOTE_EVENT, onNew);
    return () => window.removeEventListener(NEW_NOTE_EVENT, onNew);
  }, [addNote]);

  // ?noteAt=<seconds> (TimestampNoteButton on the source page) opens a new note at that moment.
  // (?note=<id> is landed on by the app's TargetReveal.)
  useEffect(() => {
    const url = new URL(window.location.href);
    const at = url.searchParams.get("noteAt");
    if (at === null) return;
    if (/^\d{1,6}$/.test(at)) addNote({ timestamp: Number(at) });
    url.searchParams.delete("noteAt");
    window.history.replaceState(window.history.state, "", url);
  }, [addNote]);

  const counts = countBySection(notes);
  const countsKey = JSON.stringify(counts);
  useEffect(() => {
    const detail: NoteCountsDetail = parseStoredJson(countsKey, noteCountsSchema, {});
    window.dispatchEvent(new CustomEvent(NOTE_COUNTS_EVENT, { detail }));
  }, [countsKey]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const groups = groupNotesBySection(notes, sections);
  const card = (note: NoteView) => (
    <NoteCard
      key={note.id}
      note={note}
      sections={sections}
      hasSource={hasSource}
      editing={editing === note.id}
      focused={focused === note.id}
      onEdit={() => openEditor(note.id)}
      onClose={() => openEditor(null)}
      onChange={(change) => noteStore.edit(note.id, change)}
      onDelete={() => {
        if (editing === note.id) setEditing(null);
        noteStore.edit(note.id, { deleted: true }, 0);
        setDeleted(note.id);
      }}
      onResolve={(choice) => noteStore.resolve(note.id, choice)}
    />
  );

  return (
    <aside className="notes-panel print:hidden" data-notes id="notes" aria-labelledby="notes-heading" data-load={load}>
      <header className="notes-head">
        <h2 id="notes-heading">
          {t("title")} {notes.length > 0 ? <span className="notes-count">{notes.length}</span> : null}
        </h2>
        <SaveStatus
          state={noteStore.stateOf(place)}
          storageFull={noteStore.isStorageFull()}
          onRetry={() => noteStore.retryNow()}
        />
      </header>
      <ProgressControl course={course} chapter={chapter} />
      <div className="notes-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => addNote({})}
          aria-keyshortcuts="n"
          data-add-note
        >
          ＋ {t("add")} <kbd>N</kbd>
        </button>
        <a className="btn" href={`/notes?course=${encodeURIComponent(course)}&chapter=${chapter}`}>
          {t("all")}
        </a>
      </div>

      {load === "failed" ? (
        <p className="notes-alert" role="alert">
          {t("unreachable")}
        </p>
      ) : null}
      {load === "loading" && notes.length === 0 ? <p className="notes-muted">{t("loading")}</p> : null}
      {load === "loaded" && notes.length === 0 ? (
        <p className="notes-muted notes-empty-state">{t.rich("empty", RICH_TAGS)}</p>
      ) : null}

      {groups.chapter.length > 0 ? (
        <section className="notes-group" data-notes-group="chapter" aria-label={t("chapterGroup")}>
          <h3 className="notes-group-title">{t("wholeChapter")}</h3>
          {groups.chapter.map(card)}
        </section>
      ) : null}
      {groups.sections.map(({ section, notes: sectionNotes }) => (
        <section
          key={section.id}
          className="notes-group"
          data-notes-group={section.id}
          aria-label={t("sectionGroup", { title: section.title })}
        >
          <h3 className="notes-group-title">
            <a href={`#section-${section.id}`} translate="no">
              <span aria-hidden="true">{section.icon}</span> {section.title}
            </a>
            <IconButton
              className="note-icon-button"
              onClick={() => addNote({ section: section.id, sectionTitle: section.title })}
              label={t("addTo", { title: section.title })}
            >
              ＋
            </IconButton>
          </h3>
          {sectionNotes.map(card)}
        </section>
      ))}
      {groups.moved.length > 0 ? (
        <section className="notes-group notes-group-moved" data-notes-group="moved" aria-label={t("movedGroup")}>
          <h3 className="notes-group-title">{t("moved")}</h3>
          <p className="notes-muted">{t("movedHelp")}</p>
          {groups.moved.map((group) => (
            <div key={group.section} className="notes-moved" data-moved-section={group.section}>
              <h4 translate="no">“{group.title}”</h4>
              {group.notes.map(card)}
            </div>
          ))}
        </section>
      ) : null}

      {deleted ? (
        <div className="notes-undo" role="status">
          <span>{t("deleted")}</span>
          <button
            type="button"
            className="notes-link-button"
            onClick={() => {
              noteStore.edit(deleted, { deleted: false }, 0);
              setFocused(deleted);
              setDeleted(null);
            }}
            data-undo
          >
            {t("undo")}
          </button>
        </div>
      ) : null}
    </aside>
  );
}
