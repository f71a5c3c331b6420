"use client";

export interface SheetSectionRef {
  id: string;
  title: string;
  icon: string;
}

/** The chapter's notes, grouped by section. */
export function NotesPanel({ course, chapter, sections }: { course: string; chapter: number; sections: SheetSectionRef[] }) {
  return (
    <aside className="notes-panel print:hidden" data-notes aria-label="Notes" data-course={course} data-chapter={chapter} data-sections={sections.length}>
      <h2>Notes</h2>
    </aside>
  );
}
