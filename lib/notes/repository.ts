import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Note } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { directStatement, directTransaction, isBusy } from "@/lib/db/sqlite-direct";
import {
  UnreadableRowError,
  readByIdsSkippingUnreadable,
  readCheckedRows,
  readOrReadAround,
  type CheckedRows,
} from "@/lib/db/readable-rows";
import { decideCreate, decideImport, decideUpdate, isNewer, type NoteContent } from "./conflict";
import {
  CHAPTER_RANGE,
  sqliteNoteRowSchema,
  storedNoteSchema,
  type CreateNoteInput,
  type ExportedNote,
  type NoteJson,
  type UpdateNoteInput,
} from "./schemas";

export type { Note };

export function toNoteJson(note: Note): NoteJson {
  return {
    id: note.id,
    course: note.course,
    chapter: note.chapter,
    section: note.section,
    sectionTitle: note.sectionTitle,
    timestamp: note.timestamp,
    body: note.body,
    version: note.version,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    deletedAt: note.deletedAt?.toISOString() ?? null,
  };
}

export interface NoteFilter {
  course?: string;
  chapter?: number;
  section?: string;
}

const READING_ORDER: Prisma.NoteOrderByWithRelationInput[] = [
  { course: "asc" },
  { chapter: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
];

/**
 * Notes as stored, each checked (lib/db/readable-rows): a row written outside the app that cannot
 * be read or used is logged and returned in `unreadable` instead of breaking the list.
 */
function readNotes(query: {
  where: Prisma.NoteWhereInput;
  orderBy?: Prisma.NoteOrderByWithRelationInput | Prisma.NoteOrderByWithRelationInput[];
  take?: number;
}): Promise<CheckedRows<Note>> {
  return readCheckedRows("Note", storedNoteSchema, {
    read: () => db.note.findMany(query),
    readIds: () => db.note.findMany({ ...query, select: { id: true } }),
    readByIds: (ids) => db.note.findMany({ where: { id: { in: ids } } }),
  });
}

/** Live notes of `filter`, and the ids of those that cannot be read (shown as such on /notes). */
export async function listNotesChecked(
  filter: NoteFilter,
  options: { limit?: number } = {},
): Promise<{ notes: Note[]; unreadable: string[] }> {
  const { rows, unreadable } = await readNotes({
    where: { ...filter, deletedAt: null },
    orderBy: READING_ORDER,
    take: options.limit,
  });
  return { notes: rows, unreadable };
}

/** Live (not deleted) notes, by course, chapter, then in the order they were written. */
export async function listNotes(filter: NoteFilter, options: { limit?: number } = {}): Promise<Note[]> {
  return (await listNotesChecked(filter, options)).notes;
}

export function countNotes(filter: NoteFilter): Promise<number> {
  return db.note.count({ where: { ...filter, deletedAt: null } });
}

/** The live notes written or edited last, newest first. */
export async function listRecentNotes(limit: number): Promise<Note[]> {
  return (await readNotes({ where: { deletedAt: null }, orderBy: { updatedAt: "desc" }, take: limit })).rows;
}

/** Live notes per course and chapter, for filters and badges (chapters out of range are not counted). */
export async function countNotesByChapter(
  course?: string,
): Promise<{ course: string; chapter: number; count: number }[]> {
  const where = { deletedAt: null, chapter: CHAPTER_RANGE, ...(course ? { course } : {}) };
  const rows = await readOrReadAround(
    "Note",
    "counts by chapter",
    () =>
      db.note.groupBy({
        by: ["course", "chapter"],
        where,
        _count: { _all: true },
        orderBy: [{ course: "asc" }, { chapter: "asc" }],
      }),
    () => Promise.resolve([]),
  );
  return rows.map((row) => ({ course: row.course, chapter: row.chapter, count: row._count._all }));
}

/** A note by id, deleted or not; null when there is none. Throws UnreadableRowError for a row that cannot be read. */
export async function getNote(id: string): Promise<Note | null> {
  const { rows, unreadable } = await readNotes({ where: { id } });
  if (unreadable.length > 0) throw new UnreadableRowError("Note", id);
  return rows[0] ?? null;
}

function contentOf(input: Partial<NoteContent>): NoteContent {
  return {
    body: input.body ?? "",
    section: input.section ?? null,
    sectionTitle: input.sectionTitle ?? null,
    timestamp: input.timestamp ?? null,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

export type CreateResult = { kind: "created" | "existing" | "conflict"; note: Note };

/**
 * Creates a note. A retried create (same id, same note) answers the existing note instead of a
 * duplicate; a different note under a taken id is a conflict.
 */
export async function createNote(input: CreateNoteInput): Promise<CreateResult> {
  const id = input.id ?? randomUUID();
  const wanted = { course: input.course, chapter: input.chapter, ...contentOf(input) };
  const existing = input.id ? await getNote(id) : null;
  const decision = decideCreate(existing, wanted);
  if (existing && decision !== "create") return { kind: decision === "same" ? "existing" : "conflict", note: existing };
  try {
    return { kind: "created", note: await db.note.create({ data: { id, ...wanted } }) };
  } catch (error) {
    // Two copies of the same create raced: the loser now finds the winner's note.
    if (!isUniqueViolation(error)) throw error;
    const winner = await getNote(id);
    if (!winner) throw error;
    return { kind: decideCreate(winner, wanted) === "same" ? "existing" : "conflict", note: winner };
  }
}

export type UpdateResult = { kind: "updated"; note: Note } | { kind: "conflict"; note: Note } | { kind: "missing" };

/** The version check, the fields the write changes and the new version, in one prepared statement. */
const UPDATE_NOTE_SQL = `UPDATE "Note" SET
  "body" = CASE WHEN @setBody THEN @body ELSE "body" END,
  "section" = CASE WHEN @setSection THEN @section ELSE "section" END,
  "sectionTitle" = CASE WHEN @setSectionTitle THEN @sectionTitle ELSE "sectionTitle" END,
  "timestamp" = CASE WHEN @setTimestamp THEN @timestamp ELSE "timestamp" END,
  "version" = "version" + 1,
  "updatedAt" = @now
  WHERE "id" = @id AND "version" = @version AND "deletedAt" IS NULL
  RETURNING *`;

interface PendingSave {
  id: string;
  input: UpdateNoteInput;
  resolve: (note: Note | null) => void;
  reject: (error: unknown) => void;
}

/** Saves waiting for the next commit. */
let pendingSaves: PendingSave[] = [];

function runUpdate({ id, input }: PendingSave): unknown {
  const set = (value: unknown) => (value === undefined ? 0 : 1);
  return directStatement(UPDATE_NOTE_SQL).get({
    id,
    version: input.version,
    setBody: set(input.body),
    body: input.body ?? null,
    setSection: set(input.section),
    section: input.section ?? null,
    setSectionTitle: set(input.sectionTitle),
    sectionTitle: input.sectionTitle ?? null,
    setTimestamp: set(input.timestamp),
    timestamp: input.timestamp ?? null,
    // As Prisma's adapter writes a DateTime, so both paths store the same text.
    now: new Date().toISOString().replace("Z", "+00:00"),
  });
}

/**
 * Commits every save that arrived since the last commit in one transaction. Under
 * synchronous=FULL each commit waits for the disk (an fsync: ~9 ms on the dev machine, so at most
 * ~110 commits a second); saves that arrive together share it. Each is answered only after the
 * commit that holds it, so "saved" still means on disk.
 */
function commitPendingSaves(): void {
  const batch = pendingSaves;
  pendingSaves = [];
  let rows: { row?: unknown; error?: unknown }[];
  try {
    rows = directTransaction(() =>
      batch.map((save) => {
        try {
          return { row: runUpdate(save) };
        } catch (error) {
          return { error };
        }
      }),
    );
  } catch (error) {
    // Busy with another writer: every save of the batch takes the Prisma path, which waits its turn.
    for (const save of batch) {
      if (isBusy(error)) save.resolve(null);
      else save.reject(error);
    }
    return;
  }
  batch.forEach((save, index) => {
    const { row, error } = rows[index] ?? {};
    if (error !== undefined) return save.reject(error);
    if (row === undefined) return save.resolve(null);
    const note = sqliteNoteRowSchema.safeParse(row);
    if (note.success) save.resolve(note.data);
    else save.reject(new UnreadableRowError("Note", save.id));
  });
}

/**
 * The autosave's hot path: one prepared UPDATE on the direct connection (lib/db/sqlite-direct),
 * ~10× cheaper than the same write through Prisma, grouped with the saves that arrive with it
 * into one commit. Null when nothing matched (stale version, deleted, missing) or the database is
 * busy with another writer: the caller takes the Prisma path.
 */
function updateNoteDirectly(id: string, input: UpdateNoteInput): Promise<Note | null> {
  return new Promise((resolve, reject) => {
    pendingSaves.push({ id, input, resolve, reject });
    if (pendingSaves.length === 1) setImmediate(commitPendingSaves);
  });
}

/** Applies a write only if it is based on the note's current version (checked in the same statement). */
export async function updateNote(id: string, input: UpdateNoteInput): Promise<UpdateResult> {
  const direct = await updateNoteDirectly(id, input);
  if (direct) return { kind: "updated", note: direct };
  const { version, ...changes } = input;
  try {
    const note = await db.note.update({
      where: { id, version, deletedAt: null },
      data: { ...changes, version: { increment: 1 } },
    });
    return { kind: "updated", note };
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
  }
  const current = await getNote(id);
  if (current === null || decideUpdate(current, version) === "missing") return { kind: "missing" };
  return { kind: "conflict", note: current };
}

/** Moves a note to the bin (undo with restoreNote). Deleting a deleted note is not an error. */
export async function deleteNote(id: string): Promise<"deleted" | "missing"> {
  await db.note.updateMany({
    where: { id, deletedAt: null },
    data: { deletedAt: new Date(), version: { increment: 1 } },
  });
  return (await getNote(id)) ? "deleted" : "missing";
}

/** Takes a note out of the bin; null when there is no such note. */
export async function restoreNote(id: string): Promise<Note | null> {
  await db.note.updateMany({
    where: { id, deletedAt: { not: null } },
    data: { deletedAt: null, version: { increment: 1 } },
  });
  return getNote(id);
}

export interface ImportResult {
  /** Notes that were not here. */
  imported: number;
  /** Notes that were in the bin here, brought back. */
  restored: number;
  /** Live notes here that the file had a newer copy of. */
  updated: number;
  /** Live notes here that were the same or newer than the file's copy. */
  kept: number;
  /** Notes of the file (counted in the above) whose chapter is not in the library: kept, shown on /notes. */
  orphaned: number;
}

/** The note an import writes: its text from the newer copy, its version above both. */
function importedWrite(existing: Note, incoming: ExportedNote) {
  const incomingDated = { ...incoming, updatedAt: new Date(incoming.updatedAt) };
  const newer = isNewer(incomingDated, existing) ? incomingDated : existing;
  return {
    ...contentOf(newer),
    deletedAt: null,
    // Above both copies, so a tab still holding the old version gets a 409 and sees the import.
    version: Math.max(existing.version, incoming.version) + 1,
    updatedAt: newer.updatedAt,
  };
}

/**
 * Imports the notes of an export, keeping their dates: new ids are added, deleted notes come
 * back, a live note takes the newer of the two copies; importing the same file twice changes
 * nothing. `isKnownChapter` tells which notes belong to no chapter in the library (orphaned).
 */
export async function importNotes(
  notes: ExportedNote[],
  isKnownChapter: (course: string, chapter: number) => boolean = () => true,
): Promise<ImportResult> {
  const unique = [...new Map(notes.map((note) => [note.id, note])).values()];
  return db.$transaction(async (tx) => {
    const stored = await readByIdsSkippingUnreadable(
      "Note",
      unique.map((note) => note.id),
      (ids) => tx.note.findMany({ where: { id: { in: ids } } }),
    );
    const existing = new Map(stored.rows.map((row) => [row.id, row]));
    // A row here that cannot be read is left as it is: neither overwritten nor duplicated.
    const unreadable = new Set(stored.unreadable);
    const result: ImportResult = { imported: 0, restored: 0, updated: 0, kept: 0, orphaned: 0 };
    const fresh: ExportedNote[] = [];
    const CHUNK = 500; // SQLite's limit on bound parameters
    for (const note of unique) {
      if (!isKnownChapter(note.course, note.chapter)) result.orphaned++;
      if (unreadable.has(note.id)) {
        result.kept++;
        continue;
      }
      const here = existing.get(note.id) ?? null;
      const decision = decideImport(here, { ...note, updatedAt: new Date(note.updatedAt) });
      if (decision === "create") fresh.push(note);
      else if (decision === "keep") result.kept++;
      else if (here) {
        await tx.note.update({ where: { id: note.id }, data: importedWrite(here, note) });
        result[decision === "restore" ? "restored" : "updated"]++;
      }
    }
    for (let start = 0; start < fresh.length; start += CHUNK) {
      await tx.note.createMany({
        data: fresh
          .slice(start, start + CHUNK)
          .map((note) => ({ ...note, createdAt: new Date(note.createdAt), updatedAt: new Date(note.updatedAt) })),
      });
    }
    result.imported = fresh.length;
    return result;
  });
}
