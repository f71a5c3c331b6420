/** Where a note lives in the app. Pure, so server pages and client components build the same links. */

export function chapterHref(course: string, chapter: number): string {
  return `/courses/${encodeURIComponent(course)}/${chapter}`;
}

/** The chapter page with the note opened in the notes panel, scrolled to its section on the sheet. */
export function noteHref(note: { id: string; course: string; chapter: number; section: string | null }): string {
  const anchor = note.section ? `#section-${encodeURIComponent(note.section)}` : "";
  return `${chapterHref(note.course, note.chapter)}?note=${encodeURIComponent(note.id)}${anchor}`;
}

/** The transcript line at that moment on the source page (its lines carry `id="t-<seconds>"`). */
export function momentHref(course: string, chapter: number, seconds: number): string {
  return `${chapterHref(course, chapter)}/source#t-${seconds}`;
}

/** The chapter page opening a new note at that moment of the video (the panel scrolls to it). */
export function newNoteAtHref(course: string, chapter: number, seconds: number): string {
  return `${chapterHref(course, chapter)}?noteAt=${seconds}`;
}
