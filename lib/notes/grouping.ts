/** A section of the sheet as the notes see it. */
export interface SheetSectionRef {
  id: string;
  title: string;
  icon: string;
}

interface Placed {
  section: string | null;
  sectionTitle: string | null;
}

export interface NoteGroups<N> {
  /** Notes on the chapter as a whole. */
  chapter: N[];
  /** Sections of the sheet that have notes, in sheet order. */
  sections: { section: SheetSectionRef; notes: N[] }[];
  /**
   * Notes whose section is no longer on the sheet (renamed or removed), under the title the
   * section had when they were written: shown apart, never dropped.
   */
  moved: { section: string; title: string; notes: N[] }[];
}

/** Groups notes (kept in their given order) by the sheet's current sections. */
export function groupNotesBySection<N extends Placed>(
  notes: readonly N[],
  sections: readonly SheetSectionRef[],
): NoteGroups<N> {
  const chapter: N[] = [];
  const bySection = new Map<string, N[]>();
  for (const note of notes) {
    if (note.section === null) chapter.push(note);
    else bySection.set(note.section, [...(bySection.get(note.section) ?? []), note]);
  }
  const current = new Set(sections.map((section) => section.id));
  return {
    chapter,
    sections: sections.flatMap((section) => {
      const list = bySection.get(section.id);
      return list ? [{ section, notes: list }] : [];
    }),
    moved: [...bySection]
      .filter(([id]) => !current.has(id))
      .map(([id, list]) => ({
        section: id,
        title: list.findLast((note) => note.sectionTitle)?.sectionTitle ?? id,
        notes: list,
      })),
  };
}

/** How many notes each section has, for the count on the sheet's note buttons. */
export function countBySection(notes: readonly Placed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const note of notes) if (note.section !== null) counts[note.section] = (counts[note.section] ?? 0) + 1;
  return counts;
}

export interface ChapterNotes<N> {
  course: string;
  chapter: number;
  /** Chapter-wide notes first (section null), then each section in the order first written. */
  sections: { section: string | null; title: string | null; notes: N[] }[];
}

/**
 * Groups notes (already in reading order) by chapter, then by section under the title the note
 * was written with: for lists and exports that show notes without their sheet.
 */
export function groupByChapterAndSection<N extends Placed & { course: string; chapter: number }>(
  notes: readonly N[],
): ChapterNotes<N>[] {
  const chapters = new Map<string, ChapterNotes<N>>();
  for (const note of notes) {
    const key = `${note.course}\u0000${note.chapter}`;
    const chapter = chapters.get(key) ?? { course: note.course, chapter: note.chapter, sections: [] };
    chapters.set(key, chapter);
    let group = chapter.sections.find((candidate) => candidate.section === note.section);
    if (!group) {
      group = { section: note.section, title: null, notes: [] };
      if (note.section === null) chapter.sections.unshift(group);
      else chapter.sections.push(group);
    }
    group.notes.push(note);
    if (note.sectionTitle) group.title = note.sectionTitle;
  }
  return [...chapters.values()];
}
