"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { IconButton } from "@/components/app/IconButton";
import { formatTimestamp } from "@/lib/content/timestamps";
import type { SheetSectionRef } from "@/lib/notes/grouping";
import { momentHref } from "@/lib/notes/links";
import type { ConflictChoice, NoteSnapshot } from "@/lib/notes/outbox";
import { ConflictResolver } from "./ConflictResolver";
import { NoteEditor } from "./NoteEditor";
import { LazyNoteMarkdown } from "./LazyNoteMarkdown";
import type { NoteView } from "@/lib/notes/note-store";

export interface NoteCardProps {
  note: NoteView;
  sections: SheetSectionRef[];
  hasSource: boolean;
  editing: boolean;
  focused: boolean;
  onEdit: () => void;
  onClose: () => void;
  onChange: (change: Partial<NoteSnapshot>) => void;
  onDelete: () => void;
  onResolve: (choice: ConflictChoice) => void;
}

/** One note: rendered Markdown, or its editor, or the two versions of a conflict. */
export function NoteCard({
  note,
  sections,
  hasSource,
  editing,
  focused,
  onEdit,
  onClose,
  onChange,
  onDelete,
  onResolve,
}: NoteCardProps) {
  const t = useTranslations("notes.card");
  const format = useFormatter();
  const badges: Partial<Record<NoteView["state"], string>> = {
    saving: t("badge.saving"),
    offline: t("badge.offline"),
    error: t("badge.error"),
  };
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused || editing) ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [focused, editing]);

  const badge = badges[note.state];
  return (
    <article
      ref={ref}
      className="note-card"
      data-note-id={note.id}
      data-state={note.state}
      data-editing={editing || undefined}
      data-focused={focused || undefined}
      aria-label={t("label")}
    >
      <div className="note-meta">
        {note.timestamp !== null ? (
          hasSource ? (
            <a
              className="note-time"
              href={momentHref(note.course, note.chapter, note.timestamp)}
              title={t("openMoment")}
            >
              ⏱ {formatTimestamp(note.timestamp)}
            </a>
          ) : (
            <span className="note-time">⏱ {formatTimestamp(note.timestamp)}</span>
          )
        ) : null}
        <span className="note-date">{format.dateTime(new Date(note.updatedAt ?? note.createdAt), "day")}</span>
        {badge ? (
          <span className="note-badge" data-badge={note.state}>
            {badge}
          </span>
        ) : null}
        <span className="note-actions">
          {editing || note.conflict ? null : (
            <IconButton className="note-icon-button" onClick={onEdit} label={t("edit")} title={t("editTitle")}>
              ✎
            </IconButton>
          )}
          <IconButton className="note-icon-button" onClick={onDelete} label={t("delete")} title={t("deleteTitle")}>
            🗑
          </IconButton>
        </span>
      </div>
      {note.conflict ? (
        <ConflictResolver mine={note.body} base={note.base} theirs={note.conflict} onResolve={onResolve} />
      ) : editing ? (
        <NoteEditor note={note} sections={sections} onChange={onChange} onClose={onClose} />
      ) : (
        <div
          className="note-body"
          translate="no"
          onClick={(event) => {
            if (!(event.target instanceof Element && event.target.closest("a, input"))) onEdit();
          }}
        >
          {note.body.trim() ? (
            <LazyNoteMarkdown text={note.body} />
          ) : (
            <p className="note-empty" translate="yes">
              {t("empty")}
            </p>
          )}
        </div>
      )}
      {note.error ? (
        <p className="note-error" role="alert">
          {t("notSaved")}
        </p>
      ) : null}
    </article>
  );
}
