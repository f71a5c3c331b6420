import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Note } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { decideCreate, decideImport, decideUpdate, isNewer, type NoteContent } from "./conflict";
import type { CreateNoteInput, ExportedNote, NoteJson, UpdateNoteInput } from "./schemas";

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

/** Live (not deleted) notes, by course, chapter, then in the order they were written. */
export function listNotes(filter: NoteFilter, options: { limit?: number } = {}): Promise<Note[]> {
  return db.note.findMany({ where: { ...filter, deletedAt: null }, orderBy: READING_ORDER, take: options.limit });
}

export function countNotes(filter: NoteFilter): Promise<number> {
  return db.note.count({ where: { ...filter, deletedAt: null } });
}

/** The live notes written or edited last, newest first. */
export function listRecentNotes(limit: number): Promise<Note[]> {
  return db.note.findMany({ where: { deletedAt: null }, orderBy: { updatedAt: "desc" }, take: limit });
}

/** Live notes per course and chapter, for filters and badges. */
export async function countNotesByChapter(
  course?: string,
): Promise<{ course: string; chapter: number; count: number }[]> {
  const where = course ? { course, deletedAt: null } : { deletedAt: null };
  const rows = await db.note.groupBy({
    by: ["course", "chapter"],
    where,
    _count: { _all: true },
    orderBy: [{ course: "asc" }, { chapter: "asc" }],
  });
  return rows.map((row) => ({ course: row.course, chapter: row.chapter, count: row._count._all }));
}

/** A note by id, deleted or not; null when there is none. */
export function getNote(id: string): Promise<Note | null> {
  return db.note.findUnique({ where: { id } });
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

/** Applies a write only if it is based on the note's current version (checked in the same statement). */
export async function updateNote(id: string, input: UpdateNoteInput): Promise<UpdateResult> {
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
    const existing = new Map<string, Note>();
    const CHUNK = 500; // SQLite's limit on bound parameters
    for (let start = 0; start < unique.length; start += CHUNK) {
      const ids = unique.slice(start, start + CHUNK).map((note) => note.id);
      for (const row of await tx.note.findMany({ where: { id: { in: ids } } })) existing.set(row.id, row);
    }
    const result: ImportResult = { imported: 0, restored: 0, updated: 0, kept: 0, orphaned: 0 };
    const fresh: ExportedNote[] = [];
    for (const note of unique) {
      if (!isKnownChapter(note.course, note.chapter)) result.orphaned++;
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
