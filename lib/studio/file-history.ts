import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/lib/db/database-url";

/**
 * Every saved version of every file the studio writes, as plain files beside the database (never
 * inside content/): `sheet-history/<course>/<NN>/<epoch ms>-<hash>.mdx` for a sheet, `….md` for the
 * chapter's source page, `sheet-history/<course>/course/….yaml` for course.yaml. Files rather than a
 * table so a version can be read or copied back by hand, and so the history survives a database reset.
 */
function historyRoot(): string {
  return process.env.SHEET_HISTORY_DIR ?? path.join(path.dirname(resolveDatabasePath()), "sheet-history");
}

const VERSION_ID = /^(\d{13})-([0-9a-f]{12})$/;

/** Where one file's versions are kept: its course, its folder there (`06`, `course`) and its extension. */
export interface HistorySlot {
  course: string;
  folder: string;
  ext: ".mdx" | ".md" | ".yaml";
}

export interface FileVersion {
  id: string;
  savedAt: string;
  bytes: number;
}

function slotFolder(slot: HistorySlot): string {
  return path.join(historyRoot(), slot.course, slot.folder);
}

function shortHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex").slice(0, 12);
}

/** The ids of the file's versions, newest first (an id starts with its 13-digit time, so names sort by time). */
function versionIds(slot: HistorySlot): string[] {
  const folder = slotFolder(slot);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(slot.ext))
    .map((name) => name.slice(0, -slot.ext.length))
    .filter((id) => VERSION_ID.test(id))
    .sort((a, b) => b.localeCompare(a));
}

/** The file's versions, newest first. */
export function listVersions(slot: HistorySlot): FileVersion[] {
  const folder = slotFolder(slot);
  return versionIds(slot).map((id) => ({
    id,
    savedAt: new Date(Number(id.slice(0, 13))).toISOString(),
    bytes: fs.statSync(path.join(folder, `${id}${slot.ext}`)).size,
  }));
}

/** One version's text, or null for an unknown id (ids are checked, so no path can be smuggled in). */
export function readVersion(slot: HistorySlot, id: string): string | null {
  if (!VERSION_ID.test(id)) return null;
  const file = path.join(slotFolder(slot), `${id}${slot.ext}`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Keeps `source` as a new version unless it is the same text as the newest one. */
export function recordVersion(slot: HistorySlot, source: string, now = Date.now()): void {
  const hash = shortHash(source);
  // Only the names are read: a save must not cost more as the history grows.
  const newest = versionIds(slot)[0];
  if (newest?.endsWith(hash)) return;
  const folder = slotFolder(slot);
  fs.mkdirSync(folder, { recursive: true });
  // Two saves in the same millisecond get distinct names: bump the time until the name is free.
  let stamp = Math.max(now, newest ? Number(newest.slice(0, 13)) + 1 : 0);
  while (fs.existsSync(path.join(folder, `${stamp}-${hash}${slot.ext}`))) stamp += 1;
  fs.writeFileSync(path.join(folder, `${stamp}-${hash}${slot.ext}`), source, { flag: "wx" });
}
