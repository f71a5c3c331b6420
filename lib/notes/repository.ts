import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Note } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { decideCreate, decideUpdate, type NoteContent } from "./conflict";
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

const READING_ORDER: Prisma.NoteOrderByWithRelationInput[] = [{ course: "asc" }, { chapter: "asc" }, { createdAt: "asc" }, { id: "asc" }];

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
export async function countNotesByChapter(course?: string): Promise<{ course: string; chapter: number; count: number }[]> {
  const where = course ? { course, deletedAt: null } : { deletedAt: null };
  const rows = await db.note.groupBy({ by: ["course", "chapter"], where, _count: { _all: true }, orderBy: [{ course: "asc" }, { chapter: "asc" }] });
  return rows.map((row) => ({ course: row.course, chapter: row.chapter, count: row._count._all }));
}

/** A note by id, deleted or not; null when there is none. */
export function getNote(id: string): Promise<Note | null> {
  return db.note.findUnique({ where: { id } });
}

function contentOf(input: Partial<NoteContent>): NoteContent {
  return { body: input.body ?? "", section: input.section ?? null, sectionTitle: input.sectionTitle ?? null, timestamp: input.timestamp ?? null };
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
    const note = await db.note.update({ where: { id, version, deletedAt: null }, data: { ...changes, version: { increment: 1 } } });
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
  await db.note.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
  return (await getNote(id)) ? "deleted" : "missing";
}

/** Takes a note out of the bin; null when there is no such note. */
export async function restoreNote(id: string): Promise<Note | null> {
  await db.note.updateMany({ where: { id, deletedAt: { not: null } }, data: { deletedAt: null, version: { increment: 1 } } });
  return getNote(id);
}

/**
 * Adds the notes of an export whose ids are not in the database yet, keeping their dates and
 * versions; notes already here (deleted or not) are left alone, so importing twice adds nothing.
 */
export async function importNotes(notes: ExportedNote[]): Promise<{ imported: number; skipped: number }> {
  const unique = [...new Map(notes.map((note) => [note.id, note])).values()];
  return db.$transaction(async (tx) => {
    const present = new Set<string>();
    const CHUNK = 500; // SQLite's limit on bound parameters
    for (let start = 0; start < unique.length; start += CHUNK) {
      const ids = unique.slice(start, start + CHUNK).map((note) => note.id);
      for (const row of await tx.note.findMany({ where: { id: { in: ids } }, select: { id: true } })) present.add(row.id);
    }
    const fresh = unique.filter((note) => !present.has(note.id));
    for (let start = 0; start < fresh.length; start += CHUNK) {
      await tx.note.createMany({
        data: fresh.slice(start, start + CHUNK).map((note) => ({ ...note, createdAt: new Date(note.createdAt), updatedAt: new Date(note.updatedAt) })),
      });
    }
    return { imported: fresh.length, skipped: notes.length - fresh.length };
  });
}
