/**
 * The rules that decide whether a write may land. Every write carries the version it was based
 * on; the server applies it only when that is still the note's version, so two tabs editing the
 * same note can never overwrite each other silently.
 */

/** What a write can change in a note. */
export interface NoteContent {
  body: string;
  section: string | null;
  sectionTitle: string | null;
  timestamp: number | null;
}

export interface NoteState extends NoteContent {
  course: string;
  chapter: number;
  version: number;
  deletedAt: Date | string | null;
}

export function sameContent(a: NoteContent, b: NoteContent): boolean {
  return a.body === b.body && a.section === b.section && a.sectionTitle === b.sectionTitle && a.timestamp === b.timestamp;
}

/**
 * A create with a client-made id may arrive twice (the browser retries when it never saw the
 * answer). The same note again is not a new note; a different note under an existing id is a
 * conflict, never an overwrite.
 */
export type CreateDecision = "create" | "same" | "conflict";

export function decideCreate(existing: NoteState | null, wanted: NoteContent & { course: string; chapter: number }): CreateDecision {
  if (existing === null) return "create";
  const samePlace = existing.course === wanted.course && existing.chapter === wanted.chapter;
  return samePlace && existing.deletedAt === null && sameContent(existing, wanted) ? "same" : "conflict";
}

/**
 * `apply` only when the write is based on the current version of a live note. A deleted note is
 * a conflict too (the writer must see it was deleted and choose to restore it), never a 404: its
 * text still exists.
 */
export type UpdateDecision = "apply" | "stale" | "deleted" | "missing";

export function decideUpdate(current: Pick<NoteState, "version" | "deletedAt"> | null, baseVersion: number): UpdateDecision {
  if (current === null) return "missing";
  if (current.version !== baseVersion) return "stale";
  if (current.deletedAt !== null) return "deleted";
  return "apply";
}
