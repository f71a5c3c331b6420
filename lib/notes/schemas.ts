import { z } from "zod";
import { PROGRESS_STATUSES } from "@/lib/progress/status";

/** Limits, also stated in the README: a note body, a notes request, an import file. */
export const NOTE_BODY_MAX_CHARS = 100_000;
export const NOTE_REQUEST_MAX_BYTES = 1_000_000;
export const IMPORT_REQUEST_MAX_BYTES = 20_000_000;

/** Ids are made by the client (crypto.randomUUID()) so a retried create is recognised. */
export const noteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "an id is 8 to 64 letters, digits, _ or -");
const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "a course id is lowercase letters, digits and hyphens");
/** Chapters a note or progress row can be on; also a query range, so counts never read a row outside it. */
export const CHAPTER_RANGE = { gte: 1, lte: 999 } as const;
const chapterNumber = z.int("a chapter is a whole number").min(CHAPTER_RANGE.gte).max(CHAPTER_RANGE.lte);
const sectionId = z.string().min(1).max(200);
const sectionTitle = z.string().max(500);
/** A moment of the video, in whole seconds. */
const timestamp = z
  .int("a timestamp is whole seconds")
  .min(0)
  .max(100 * 3600);
const body = z.string().max(NOTE_BODY_MAX_CHARS, `a note is at most ${NOTE_BODY_MAX_CHARS} characters`);
/**
 * Every number is bounded here, at the boundary: the database stores what passes, and one value
 * too large to read back as a JavaScript number would break every list that holds it.
 * A version grows by one per edit: a billion edits of one note is out of reach.
 */
export const NOTE_VERSION_MAX = 1_000_000_000;
const version = z.int("a version is a whole number").min(1).max(NOTE_VERSION_MAX);

export const createNoteSchema = z.strictObject({
  id: noteIdSchema.optional(),
  course: courseId,
  chapter: chapterNumber,
  section: sectionId.nullable().optional(),
  sectionTitle: sectionTitle.nullable().optional(),
  timestamp: timestamp.nullable().optional(),
  body,
});
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z.strictObject({
  body: body.optional(),
  section: sectionId.nullable().optional(),
  sectionTitle: sectionTitle.nullable().optional(),
  timestamp: timestamp.nullable().optional(),
  /** The version this write is based on; a stale one is refused (409). */
  version,
});
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;

/** Query strings are text: numbers are parsed here so `chapter=abc` is a 400, not a crash. */
const chapterParam = z
  .string()
  .regex(/^\d{1,3}$/, "a chapter is a whole number")
  .transform(Number)
  .pipe(chapterNumber);

export const listNotesQuerySchema = z.strictObject({
  course: courseId.optional(),
  chapter: chapterParam.optional(),
  section: sectionId.optional(),
});

export const exportQuerySchema = listNotesQuerySchema.omit({ section: true }).extend({
  format: z.enum(["markdown", "json"]).default("markdown"),
});

export const progressQuerySchema = z.strictObject({ course: courseId, chapter: chapterParam });

export const progressUpdateSchema = z.strictObject({
  course: courseId,
  chapter: chapterNumber,
  status: z.enum(PROGRESS_STATUSES).optional(),
  /** True when the chapter page was just opened: records the visit. */
  visited: z.literal(true).optional(),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

/** Dates a note can have: after the app existed and not absurdly far in the future (clock slips). */
const EARLIEST_NOTE_DATE = Date.UTC(2000, 0, 1);
const LATEST_NOTE_DATE = Date.UTC(2200, 0, 1);
const inNoteDateRange = (time: number) => time >= EARLIEST_NOTE_DATE && time < LATEST_NOTE_DATE;
const NOTE_DATE_RANGE_MESSAGE = "a date is between the years 2000 and 2199";
const isoDate = z.iso
  .datetime({ offset: true })
  .refine((text) => inNoteDateRange(Date.parse(text)), NOTE_DATE_RANGE_MESSAGE);

/** One note of an export file; extra fields (e.g. `deletedAt: null`) are ignored. */
const exportedNoteSchema = z.object({
  id: noteIdSchema,
  course: courseId,
  chapter: chapterNumber,
  section: sectionId.nullable(),
  sectionTitle: sectionTitle.nullable(),
  timestamp: timestamp.nullable(),
  body,
  version,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ExportedNote = z.infer<typeof exportedNoteSchema>;

const storedDate = z.date().refine((date) => inNoteDateRange(date.getTime()), NOTE_DATE_RANGE_MESSAGE);

/**
 * A Note row as read back from the database: what the app could have written. A row written
 * outside the app that fails this is left out of lists (and logged), so it cannot break them.
 * An import may lift a version just past NOTE_VERSION_MAX, so here it is only a safe integer.
 */
export const storedNoteSchema = exportedNoteSchema.extend({
  version: z.int().min(1),
  createdAt: storedDate,
  updatedAt: storedDate,
  deletedAt: storedDate.nullable(),
});

/** A date straight from SQLite: as Prisma stores it (ISO text), or milliseconds when a script wrote it. */
const sqliteDate = z
  .union([z.string(), z.number()])
  .transform((value) => new Date(value))
  .pipe(storedDate);

/** A Note row read with better-sqlite3 directly (lib/notes/repository's hot path), checked the same way. */
export const sqliteNoteRowSchema = storedNoteSchema.extend({
  createdAt: sqliteDate,
  updatedAt: sqliteDate,
  deletedAt: sqliteDate.nullable(),
});

export const EXPORT_FORMAT = "study-sheets-notes";

export const notesFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, `not a Study Sheets notes export (format must be "${EXPORT_FORMAT}")`),
  version: z.literal(1),
  notes: z.array(exportedNoteSchema),
});
export type NotesFile = z.infer<typeof notesFileSchema>;

/** A note as the API sends it (the browser parses every answer with this). */
export const noteJsonSchema = z.object({
  id: z.string(),
  course: z.string(),
  chapter: z.number(),
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  timestamp: z.number().nullable(),
  body: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when the note is in the bin (deleted, can still be restored). */
  deletedAt: z.string().nullable(),
});
export type NoteJson = z.infer<typeof noteJsonSchema>;

/** GET /api/notes */
export const noteListAnswerSchema = z.object({ notes: z.array(noteJsonSchema) });

/** POST /api/notes/import */
const importCount = z.int().min(0);
export const importAnswerSchema = z.object({
  imported: importCount,
  restored: importCount,
  updated: importCount,
  kept: importCount,
  orphaned: importCount,
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

export const progressJsonSchema = z.object({
  course: z.string(),
  chapter: z.number(),
  status: z.enum(PROGRESS_STATUSES),
  lastVisitedAt: z.string().nullable(),
});
export type ProgressJson = z.infer<typeof progressJsonSchema>;

/** A ChapterProgress row as read back (see storedNoteSchema); an unknown status reads as not started. */
export const storedProgressSchema = z.object({
  course: courseId,
  chapter: chapterNumber,
  status: z.string(),
  lastVisitedAt: storedDate.nullable(),
});

/** Dates a stored row may hold, as a query range (rows outside it cannot all be read back). */
export const STORED_DATE_RANGE = { gte: new Date(EARLIEST_NOTE_DATE), lt: new Date(LATEST_NOTE_DATE) } as const;
