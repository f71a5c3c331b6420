import { z } from "zod";

/** The files the studio edits: a chapter's sheet and source page, and the course's course.yaml. */
export type StudioFileKind = "sheet" | "source" | "course";

/** Where the studio's file stands against the disk (its words are `studio.state.<state>`). */
export const STUDIO_SAVE_STATES = ["saved", "unsaved", "saving", "conflict", "failed"] as const;
export type StudioSaveState = (typeof STUDIO_SAVE_STATES)[number];

/** A sheet is a few kilobytes; 512 KB leaves room for any real one and refuses floods (413). */
const SHEET_SOURCE_MAX_CHARS = 512 * 1024;
export const SHEET_REQUEST_MAX_BYTES = SHEET_SOURCE_MAX_CHARS * 4 + 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 hash is 64 lowercase hex digits");

export const saveSheetSchema = z.strictObject({
  source: z.string().max(SHEET_SOURCE_MAX_CHARS, `a sheet is at most ${SHEET_SOURCE_MAX_CHARS} characters`),
  baseHash: sha256Hex.nullable(),
});

export const previewSheetSchema = z.strictObject({
  source: z.string().max(SHEET_SOURCE_MAX_CHARS, `a sheet is at most ${SHEET_SOURCE_MAX_CHARS} characters`),
});

/** The editor's unsaved text as kept in localStorage; read back through this schema. */
export const studioDraftSchema = z.strictObject({
  source: z.string().max(SHEET_SOURCE_MAX_CHARS),
  baseHash: sha256Hex.nullable(),
  savedAt: z.number().int().nonnegative(),
});
export type StudioDraft = z.infer<typeof studioDraftSchema>;

const contentErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number().optional(),
  field: z.string().optional(),
  message: z.string(),
});

/** What PUT /api/content/<course>/<n>/sheet answers, as read by the studio. */
export const saveAnswerSchema = z.union([
  z.object({ hash: sha256Hex, errors: z.array(contentErrorSchema) }),
  z.object({ source: z.string().nullable(), hash: sha256Hex.nullable() }),
  z.object({ error: z.string(), field: z.string().optional() }),
]);

export const sheetVersionsSchema = z.object({
  versions: z.array(z.object({ id: z.string(), savedAt: z.string(), bytes: z.number() })),
});
export const sheetVersionSchema = z.object({ id: z.string(), source: z.string() });
