/**
 * The browser's outbox of note writes, as pure functions (the browser glue that stores entries in
 * localStorage and sends them is lib/notes/note-store.ts).
 *
 * An entry holds what the user wants the server to have (`wanted`) and what the server is known
 * to have (`known`, with its version). The next request is derived from the difference, so
 * however many edits pile up while offline, one request catches up, and an answer that arrives
 * after more typing is never mistaken for the latest text.
 */
import { z } from "zod";
import { sameContent, type NoteContent } from "./conflict";
import { noteJsonSchema, type NoteJson, type UpdateNoteInput } from "./schemas";

export interface NoteSnapshot extends NoteContent {
  deleted: boolean;
}

interface KnownNote extends NoteSnapshot {
  version: number;
}

export interface OutboxEntry {
  id: string;
  course: string;
  chapter: number;
  /** When this tab first wrote the note (orders a note the server has not seen yet). */
  createdAt: string;
  wanted: NoteSnapshot;
  /** null while the note may not exist on the server yet. */
  known: KnownNote | null;
  /** A create exactly as first sent, resent unchanged so a retry is recognised as the same note. */
  sentCreate: NoteContent | null;
  /** The server's note when it refused a write as stale: the user chooses or merges. */
  conflict: NoteJson | null;
  /** A refusal that retrying cannot fix (too long, unknown chapter); cleared by the next edit. */
  error: string | null;
  /** When the user last changed `wanted` (epoch ms). */
  changedAt: number;
  /** Consecutive attempts that got no answer (offline, server down or failing). */
  failures: number;
  retryAt: number;
}

const noteContentSchema = z.object({
  body: z.string(),
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  timestamp: z.number().nullable(),
});
const noteSnapshotSchema = noteContentSchema.extend({ deleted: z.boolean() });

/** A tab's outbox as kept in localStorage (checked on read: the storage is the user's to change). */
export const storedOutboxSchema: z.ZodType<Record<string, OutboxEntry>> = z.record(
  z.string(),
  z.object({
    id: z.string(),
    course: z.string(),
    chapter: z.number(),
    createdAt: z.string(),
    wanted: noteSnapshotSchema,
    known: noteSnapshotSchema.extend({ version: z.number() }).nullable(),
    sentCreate: noteContentSchema.nullable(),
    conflict: noteJsonSchema.nullable(),
    error: z.string().nullable(),
    changedAt: z.number(),
    failures: z.number(),
    retryAt: z.number(),
  }),
);

type CreatePayload = NoteContent & { id: string; course: string; chapter: number };

export type OutboxRequest =
  | { kind: "create"; payload: CreatePayload }
  | { kind: "update"; payload: UpdateNoteInput }
  | { kind: "delete" }
  | { kind: "restore" };

/** An answer from the API; status 0 when there was none (network error). */
export interface OutboxResponse {
  status: number;
  note?: NoteJson;
  error?: string;
}

export const SYNC_STATES = ["saved", "saving", "offline", "conflict", "error"] as const;
export type SyncState = (typeof SYNC_STATES)[number];

const MAX_RETRY_DELAY_MS = 30_000;

export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

function contentOf(note: NoteContent): NoteContent {
  return { body: note.body, section: note.section, sectionTitle: note.sectionTitle, timestamp: note.timestamp };
}

function knownFromNote(note: NoteJson): KnownNote {
  return { ...contentOf(note), deleted: note.deletedAt !== null, version: note.version };
}

function sameSnapshot(a: NoteSnapshot, b: NoteSnapshot): boolean {
  return a.deleted === b.deleted && (a.deleted || sameContent(a, b));
}

/** A note this tab starts writing; the server hears of it once it has some text. */
export function newEntry(
  place: { id: string; course: string; chapter: number },
  content: NoteContent,
  now: number,
): OutboxEntry {
  return {
    ...place,
    createdAt: new Date(now).toISOString(),
    wanted: { ...contentOf(content), deleted: false },
    known: null,
    sentCreate: null,
    conflict: null,
    error: null,
    changedAt: now,
    failures: 0,
    retryAt: now,
  };
}

/** An entry for a note loaded from the server, about to be changed. */
export function entryForNote(note: NoteJson, now: number): OutboxEntry {
  const known = knownFromNote(note);
  return {
    ...newEntry(note, note, now),
    createdAt: note.createdAt,
    wanted: { ...contentOf(known), deleted: known.deleted },
    known,
  };
}

export function editEntry(entry: OutboxEntry, change: Partial<NoteSnapshot>, now: number): OutboxEntry {
  return {
    ...entry,
    wanted: { ...entry.wanted, ...change },
    error: null,
    changedAt: now,
    retryAt: Math.min(entry.retryAt, now),
  };
}

/** A new note nobody has typed into yet: kept locally only, dropped when closed or reloaded. */
export function isBlankDraft(entry: OutboxEntry): boolean {
  return entry.known === null && entry.sentCreate === null && entry.wanted.body.trim() === "";
}

/** The server has everything this entry wanted: the entry can go. */
export function isSynced(entry: OutboxEntry): boolean {
  return entry.known !== null && !entry.conflict && !entry.error && nextRequest(entry) === null;
}

/** Never reached the server and never will as it is (blank, or deleted before sending): dropped on the next page load. */
export function isLocalOnly(entry: OutboxEntry): boolean {
  return (
    entry.known === null && entry.sentCreate === null && !entry.conflict && !entry.error && nextRequest(entry) === null
  );
}

export function nextRequest(entry: OutboxEntry): OutboxRequest | null {
  const { wanted, known } = entry;
  if (entry.conflict || entry.error || isBlankDraft(entry)) return null;
  if (known === null) {
    if (wanted.deleted) return entry.sentCreate ? { kind: "delete" } : null;
    const content = entry.sentCreate ?? contentOf(wanted);
    return { kind: "create", payload: { id: entry.id, course: entry.course, chapter: entry.chapter, ...content } };
  }
  if (wanted.deleted !== known.deleted) return { kind: wanted.deleted ? "delete" : "restore" };
  if (wanted.deleted || sameContent(wanted, known)) return null;
  const payload: UpdateNoteInput = { version: known.version };
  if (wanted.body !== known.body) payload.body = wanted.body;
  if (wanted.section !== known.section || wanted.sectionTitle !== known.sectionTitle) {
    payload.section = wanted.section;
    payload.sectionTitle = wanted.sectionTitle;
  }
  if (wanted.timestamp !== known.timestamp) payload.timestamp = wanted.timestamp;
  return { kind: "update", payload };
}

/** Records that a request is on its way (a create's content is frozen from then on). */
export function markSent(entry: OutboxEntry, request: OutboxRequest): OutboxEntry {
  return request.kind === "create" ? { ...entry, sentCreate: contentOf(request.payload) } : entry;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Folds the server's answer to `request` into the entry. */
export function applyResponse(
  entry: OutboxEntry,
  request: OutboxRequest,
  response: OutboxResponse,
  now: number,
): OutboxEntry {
  // retryAt stays: typing during the request has set when the next save may go.
  const settled = { ...entry, failures: 0 };
  const { status, note } = response;

  if (isSuccess(status) && request.kind === "delete") {
    const known = entry.known ?? { ...contentOf(entry.wanted), version: 0, deleted: true };
    return { ...settled, known: { ...known, deleted: true }, sentCreate: null };
  }
  if (isSuccess(status) && note) return { ...settled, known: knownFromNote(note), sentCreate: null };

  if (status === 409 && note) {
    const theirs = knownFromNote(note);
    // The server already holds exactly what this tab wants (e.g. another tab typed the same).
    if (sameSnapshot(theirs, entry.wanted)) return { ...settled, known: theirs, sentCreate: null, conflict: null };
    return { ...settled, sentCreate: null, conflict: note };
  }
  if (status === 404 && request.kind !== "create") {
    // The server has no such note (any more): nothing to delete, or write it again from this text.
    if (request.kind === "delete")
      return { ...settled, known: { ...contentOf(entry.wanted), version: 0, deleted: true }, sentCreate: null };
    return { ...settled, known: null, sentCreate: null };
  }
  if (status === 400 || status === 404 || status === 413) {
    return { ...settled, error: response.error ?? `the server refused this note (${status})` };
  }
  const failures = entry.failures + 1;
  return { ...entry, failures, retryAt: now + retryDelay(failures) };
}

export type ConflictChoice = { keep: "mine" } | { keep: "theirs" } | { merged: string };

/** The user's answer to a conflict; the entry is then based on the server's current version. */
export function resolveConflict(entry: OutboxEntry, choice: ConflictChoice, now: number): OutboxEntry {
  if (!entry.conflict) return entry;
  const theirs = knownFromNote(entry.conflict);
  const base = { ...entry, known: theirs, conflict: null, sentCreate: null, error: null, failures: 0, retryAt: now };
  if ("merged" in choice) return { ...base, wanted: { ...entry.wanted, body: choice.merged, deleted: false } };
  if (choice.keep === "theirs") return { ...base, wanted: { ...contentOf(theirs), deleted: theirs.deleted } };
  return { ...base, wanted: { ...entry.wanted, deleted: false } };
}

export function entryState(entry: OutboxEntry): SyncState {
  if (entry.conflict) return "conflict";
  if (entry.error) return "error";
  if (entry.failures > 0) return "offline";
  return nextRequest(entry) ? "saving" : "saved";
}

const STATE_PRIORITY: SyncState[] = ["conflict", "error", "offline", "saving", "saved"];

/** The state to show for several notes: the most urgent one. */
export function overallState(states: Iterable<SyncState>): SyncState {
  let worst = STATE_PRIORITY.length - 1;
  for (const state of states) worst = Math.min(worst, STATE_PRIORITY.indexOf(state));
  return STATE_PRIORITY[worst] ?? "saved";
}

/**
 * Entries left by a closed tab join this tab's. When both tabs held the same note, the newer
 * edit keeps the note and a different older text becomes a note of its own, so neither is lost.
 */
export function adoptEntries(
  mine: Record<string, OutboxEntry>,
  orphaned: Record<string, OutboxEntry>,
  newId: () => string,
): Record<string, OutboxEntry> {
  const merged = { ...mine };
  for (const entry of Object.values(orphaned)) {
    const held = merged[entry.id];
    if (!held) {
      merged[entry.id] = entry;
      continue;
    }
    if (held.wanted.body === entry.wanted.body) continue;
    const [newer, older] = held.changedAt >= entry.changedAt ? [held, entry] : [entry, held];
    merged[entry.id] = newer;
    const copyId = newId();
    merged[copyId] = {
      ...older,
      id: copyId,
      known: null,
      sentCreate: null,
      conflict: null,
      error: null,
      wanted: { ...older.wanted, deleted: false },
    };
  }
  return merged;
}
