import { strToU8, Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from "fflate";
import { z } from "zod";
import { courseSchema } from "@/lib/content/schemas";
import { notesFileSchema, type NotesFile } from "@/lib/notes/schemas";

/**
 * A course as one .zip file ("course pack"): the course's files under `course/`, a manifest with
 * a format version, and optionally the notes (`notes.json`, the notes export format) and diagram
 * edits (`diagrams.json`). Reading one is hostile-input handling: every name, size and type is
 * checked before anything is decompressed in full, and nothing here touches the disk.
 */

export const PACK_FORMAT = "study-sheets-course";
export const PACK_VERSION = 1;

/** Limits on what a pack may hold (a course of 99 chapters is far inside them). */
export const PACK_LIMITS = {
  packBytes: 20_000_000,
  entries: 250,
  entryBytes: 2_000_000,
  totalBytes: 40_000_000,
  /** Uncompressed / compressed; text compresses ~3-10×, a zip bomb thousands. */
  ratio: 100,
} as const;

const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT, `not a Study Sheets course pack (format must be "${PACK_FORMAT}")`),
  version: z.literal(PACK_VERSION, `this app reads course packs of version ${PACK_VERSION}`),
  course: courseSchema.shape.id,
  createdAt: z.string(),
  withNotes: z.boolean(),
});
type PackManifest = z.infer<typeof manifestSchema>;

const diagramEditsSchema = z.strictObject({
  edits: z.array(
    z.strictObject({
      chapter: z.int().min(1).max(99),
      diagramKey: z.string().regex(/^[a-z0-9][a-z0-9-]*\/[1-9]\d{0,2}$/),
      source: z.string().max(20_000),
      originalHash: z.string().max(200),
    }),
  ),
});
type PackDiagramEdits = z.infer<typeof diagramEditsSchema>;

/** A course's files, by path inside its folder: `course.yaml`, `08-slug/sheet.mdx`, … */
type CourseFileMap = Map<string, string>;

export interface CoursePack {
  manifest: PackManifest;
  files: CourseFileMap;
  notes: NotesFile | null;
  diagrams: PackDiagramEdits | null;
}

export type PackResult = { ok: true; pack: CoursePack } | { ok: false; problems: string[] };

/** The only files a course folder may hold: its course.yaml and each chapter's sheet and source. */
const COURSE_FILE = /^(course\.yaml|\d{2}-[a-z0-9-]+\/(sheet\.mdx|source\.md))$/;
const TOP_FILES = new Set(["manifest.json", "notes.json", "diagrams.json"]);

export function buildPack(pack: CoursePack): Uint8Array {
  const entries: Zippable = { "manifest.json": strToU8(JSON.stringify(pack.manifest, null, 2)) };
  for (const [name, text] of [...pack.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!COURSE_FILE.test(name)) throw new Error(`not a course file: ${name}`);
    entries[`course/${name}`] = strToU8(text);
  }
  if (pack.notes) entries["notes.json"] = strToU8(JSON.stringify(pack.notes, null, 2));
  if (pack.diagrams) entries["diagrams.json"] = strToU8(JSON.stringify(pack.diagrams, null, 2));
  return zipSync(entries, { level: 6, mtime: new Date(pack.manifest.createdAt) });
}

/** Why a name cannot be in a pack, or null when it is an expected file. */
function nameProblem(name: string): string | null {
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\"))
    return `${name}: absolute paths are not allowed`;
  if (name.split("/").some((part) => part === ".." || part === "."))
    return `${name}: ".." or "." in a path is not allowed (zip slip)`;
  if (TOP_FILES.has(name)) return null;
  if (name === "course/" || /^course\/\d{2}-[a-z0-9-]+\/$/.test(name)) return null;
  if (name.startsWith("course/") && COURSE_FILE.test(name.slice("course/".length))) return null;
  return `${name}: not a file a course pack holds (course/course.yaml, course/NN-slug/sheet.mdx or source.md, manifest.json, notes.json, diagrams.json)`;
}

interface Entry {
  name: string;
  compressed: number;
  declared: number;
}

/** Reads the central directory only: names, declared sizes and methods, nothing inflated. */
function listEntries(bytes: Uint8Array, problems: string[]): Entry[] {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, compressed: file.size, declared: file.originalSize });
        if (file.compression !== 0 && file.compression !== 8)
          problems.push(`${file.name}: compression method ${file.compression} is not allowed`);
        return false;
      },
    });
  } catch (error) {
    problems.push(`not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  return entries;
}

function checkEntries(entries: Entry[], problems: string[]): void {
  if (entries.length > PACK_LIMITS.entries)
    problems.push(`${entries.length} entries: a pack holds at most ${PACK_LIMITS.entries}`);
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries.slice(0, PACK_LIMITS.entries)) {
    const problem = nameProblem(entry.name);
    if (problem) problems.push(problem);
    if (seen.has(entry.name)) problems.push(`${entry.name}: appears twice`);
    seen.add(entry.name);
    total += entry.declared;
    if (entry.declared > PACK_LIMITS.entryBytes)
      problems.push(`${entry.name}: ${entry.declared} bytes, over the limit of ${PACK_LIMITS.entryBytes} a file`);
    if (entry.declared > PACK_LIMITS.ratio * Math.max(entry.compressed, 1) && entry.declared > 10_000) {
      problems.push(
        `${entry.name}: compressed ${Math.round(entry.declared / Math.max(entry.compressed, 1))}× (zip bomb?), the limit is ${PACK_LIMITS.ratio}×`,
      );
    }
  }
  if (total > PACK_LIMITS.totalBytes)
    problems.push(`${total} bytes unpacked, over the limit of ${PACK_LIMITS.totalBytes}`);
  if (!seen.has("manifest.json")) problems.push("manifest.json is missing");
  if (!seen.has("course/course.yaml")) problems.push("course/course.yaml is missing");
}

/**
 * Inflates the entries in small steps, counting real bytes: a size that lies in the directory
 * (a crafted bomb) is caught before it is held in memory. Directory entries are skipped.
 */
function inflate(bytes: Uint8Array, entries: Entry[], problems: string[]): Map<string, Uint8Array> {
  const declared = new Map(entries.map((entry) => [entry.name, entry.declared]));
  const out = new Map<string, Uint8Array>();
  const unzip = new Unzip((file) => {
    if (file.name.endsWith("/")) return;
    const limit = Math.min(declared.get(file.name) ?? -1, PACK_LIMITS.entryBytes);
    if (limit < 0) {
      problems.push(`${file.name}: not listed in the zip's directory`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        problems.push(`${file.name}: ${error.message}`);
        return;
      }
      size += chunk.length;
      if (size > limit) {
        problems.push(`${file.name}: holds more than the ${limit} bytes it declares`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const STEP = 16_384;
  try {
    for (let at = 0; at < bytes.length && problems.length === 0; at += STEP) {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    }
  } catch (error) {
    problems.push(`not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Text files only: valid UTF-8, no NUL bytes (a binary renamed .mdx is refused). */
function asText(name: string, data: Uint8Array, problems: string[]): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    if (text.includes("\u0000")) throw new Error("NUL byte");
    return text;
  } catch {
    problems.push(`${name}: not a UTF-8 text file`);
    return null;
  }
}

function parseJson<T>(name: string, text: string | null, schema: z.ZodType<T>, problems: string[]): T | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    problems.push(`${name}: not valid JSON`);
    return null;
  }
  const checked = schema.safeParse(data);
  if (checked.success) return checked.data;
  const [issue] = checked.error.issues;
  problems.push(`${name}: ${issue?.path.join(".") || "(whole file)"}: ${issue?.message ?? "invalid"}`);
  return null;
}

/**
 * Reads and checks a pack: names (no absolute paths, no `..`, only the expected files), entry
 * count, sizes and compression ratio, real inflated sizes, text encoding, the manifest and the
 * notes/diagram JSON. Sheets are not compiled here: the content check runs on the installed copy.
 */
export function readPack(bytes: Uint8Array): PackResult {
  const problems: string[] = [];
  if (bytes.length > PACK_LIMITS.packBytes)
    return { ok: false, problems: [`the pack is ${bytes.length} bytes, over the limit of ${PACK_LIMITS.packBytes}`] };
  const entries = listEntries(bytes, problems);
  if (problems.length === 0) checkEntries(entries, problems);
  if (problems.length > 0) return { ok: false, problems };

  const inflated = inflate(bytes, entries, problems);
  const texts = new Map<string, string>();
  for (const [name, data] of inflated) {
    const text = asText(name, data, problems);
    if (text !== null) texts.set(name, text);
  }
  const manifest = parseJson("manifest.json", texts.get("manifest.json") ?? null, manifestSchema, problems);
  const notes = texts.has("notes.json")
    ? parseJson("notes.json", texts.get("notes.json") ?? null, notesFileSchema, problems)
    : null;
  const diagrams = texts.has("diagrams.json")
    ? parseJson("diagrams.json", texts.get("diagrams.json") ?? null, diagramEditsSchema, problems)
    : null;
  if (manifest && notes?.notes.some((note) => note.course !== manifest.course)) {
    problems.push(`notes.json: every note must belong to the course "${manifest.course}"`);
  }
  if (problems.length > 0 || !manifest) return { ok: false, problems };

  const files: CourseFileMap = new Map();
  for (const [name, text] of texts) if (name.startsWith("course/")) files.set(name.slice("course/".length), text);
  return { ok: true, pack: { manifest, files, notes, diagrams } };
}

/** Packs are small text bundles; this names one for download. */
export function packFileName(courseId: string, date: Date): string {
  return `${courseId}-${date.toISOString().slice(0, 10)}.zip`;
}
