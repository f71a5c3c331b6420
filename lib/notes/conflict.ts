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
  return (
    a.body === b.body && a.section === b.section && a.sectionTitle === b.sectionTitle && a.timestamp === b.timestamp
  );
}

/**
 * A create with a client-made id may arrive twice (the browser retries when it never saw the
 * answer). The same note again is not a new note; a different note under an existing id is a
 * conflict, never an overwrite.
 */
export type CreateDecision = "create" | "same" | "conflict";

export function decideCreate(
  existing: NoteState | null,
  wanted: NoteContent & { course: string; chapter: number },
): CreateDecision {
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

export function decideUpdate(
  current: Pick<NoteState, "version" | "deletedAt"> | null,
  baseVersion: number,
): UpdateDecision {
  if (current === null) return "missing";
  if (current.version !== baseVersion) return "stale";
  if (current.deletedAt !== null) return "deleted";
  return "apply";
}

/**
 * What importing a note of a backup does to the note with the same id here:
 * - `create`: there is none;
 * - `restore`: it is in the bin (a backup is how deleted notes come back), with the newer text;
 * - `update`: it is live and the backup's copy is newer (later `updatedAt`, then higher version);
 * - `keep`: it is live and the same or newer than the backup's copy.
 * A note is never duplicated: the id decides which note a copy is.
 */
export type ImportDecision = "create" | "restore" | "update" | "keep";

export interface DatedNote extends NoteContent {
  version: number;
  updatedAt: Date;
}

export function isNewer(candidate: DatedNote, than: DatedNote): boolean {
  const difference = candidate.updatedAt.getTime() - than.updatedAt.getTime();
  return difference !== 0 ? difference > 0 : candidate.version > than.version;
}

export function decideImport(
  existing: (DatedNote & { deletedAt: Date | null }) | null,
  incoming: DatedNote,
): ImportDecision {
  if (existing === null) return "create";
  if (existing.deletedAt !== null) return "restore";
  return !sameContent(existing, incoming) && isNewer(incoming, existing) ? "update" : "keep";
}
