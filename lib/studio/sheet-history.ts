import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/lib/db/database-url";

/**
 * Every saved version of every sheet, as plain files beside the database (never inside content/):
 * `sheet-history/<course>/<NN>/<epoch ms>-<hash>.mdx`. Files rather than a table so a version can
 * be read or copied back by hand, and so the history survives a database reset.
 */
export function historyRoot(): string {
  return process.env.SHEET_HISTORY_DIR ?? path.join(path.dirname(resolveDatabasePath()), "sheet-history");
}

const VERSION_ID = /^(\d{13})-([0-9a-f]{12})$/;

export interface SheetVersion {
  id: string;
  savedAt: string;
  bytes: number;
}

function chapterFolder(course: string, chapter: number): string {
  return path.join(historyRoot(), course, String(chapter).padStart(2, "0"));
}

function shortHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex").slice(0, 12);
}

/** The chapter's versions, newest first. */
export function listSheetVersions(course: string, chapter: number): SheetVersion[] {
  const folder = chapterFolder(course, chapter);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .map((name) => ({ name, match: VERSION_ID.exec(name.replace(/\.mdx$/, "")) }))
    .filter((entry) => entry.match !== null && entry.name.endsWith(".mdx"))
    .map(({ name, match }) => ({
      id: name.replace(/\.mdx$/, ""),
      savedAt: new Date(Number(match?.[1])).toISOString(),
      bytes: fs.statSync(path.join(folder, name)).size,
    }))
    .sort((a, b) => b.id.localeCompare(a.id));
}

/** One version's text, or null for an unknown id (ids are checked, so no path can be smuggled in). */
export function readSheetVersion(course: string, chapter: number, id: string): string | null {
  if (!VERSION_ID.test(id)) return null;
  const file = path.join(chapterFolder(course, chapter), `${id}.mdx`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Keeps `source` as a new version unless it is the same text as the newest one. */
export function recordSheetVersion(course: string, chapter: number, source: string, now = Date.now()): void {
  const hash = shortHash(source);
  const newest = listSheetVersions(course, chapter)[0];
  if (newest && newest.id.endsWith(hash)) return;
  const folder = chapterFolder(course, chapter);
  fs.mkdirSync(folder, { recursive: true });
  // Two saves in the same millisecond get distinct names: bump the time until the name is free.
  let stamp = Math.max(now, newest ? Number(newest.id.slice(0, 13)) + 1 : 0);
  while (fs.existsSync(path.join(folder, `${stamp}-${hash}.mdx`))) stamp += 1;
  fs.writeFileSync(path.join(folder, `${stamp}-${hash}.mdx`), source, { flag: "wx" });
}
