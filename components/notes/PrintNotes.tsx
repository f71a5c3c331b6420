import { useTranslations } from "next-intl";
import { formatTimestamp } from "@/lib/content/timestamps";
import type { SectionInfo } from "@/lib/content/mdx/remark-sheet";
import { groupNotesBySection } from "@/lib/notes/grouping";
import type { NoteJson } from "@/lib/notes/schemas";
import { NoteMarkdown } from "./NoteMarkdown";

function PrintedNote({ note }: { note: NoteJson }) {
  return (
    <article className="print-note" data-note-id={note.id}>
      {note.timestamp !== null ? <span className="print-note-time">⏱ {formatTimestamp(note.timestamp)}</span> : null}
      <div className="print-note-body">
        <NoteMarkdown text={note.body} />
      </div>
    </article>
  );
}

/**
 * The chapter's notes as handwritten pages after the sheet (print view with ?notes=1): on lined
 * paper, grouped like the panel (whole chapter, each section in sheet order, then sections no
 * longer on the sheet), each note under its moment of the video. Nothing when there are no notes.
 */
export function PrintNotes({
  chapterTitle,
  sections,
  notes,
}: {
  chapterTitle: string;
  sections: SectionInfo[];
  notes: NoteJson[];
}) {
  const t = useTranslations("print.notes");
  if (notes.length === 0) return null;
  const groups = groupNotesBySection(notes, sections);
  const blocks = [
    ...(groups.chapter.length > 0 ? [{ key: "chapter", title: t("wholeChapter"), notes: groups.chapter }] : []),
    ...groups.sections.map(({ section, notes: list }) => ({
      key: section.id,
      title: `${section.icon} ${section.title}`,
      notes: list,
    })),
    ...groups.moved.map(({ section, title, notes: list }) => ({
      key: `moved-${section}`,
      title: t("sectionGone", { title }),
      notes: list,
    })),
  ];
  return (
    <section className="print-notes" data-print-notes aria-label={t("title")}>
      <header className="print-notes-head">
        <h1>{t("title")}</h1>
        <p>{chapterTitle}</p>
      </header>
      {blocks.map((block) => (
        <section key={block.key} className="print-notes-group">
          <h2>{block.title}</h2>
          {block.notes.map((note) => (
            <PrintedNote key={note.id} note={note} />
          ))}
        </section>
      ))}
    </section>
  );
}
