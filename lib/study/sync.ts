import "server-only";
import { contentVersion } from "@/lib/content/changes";
import { findChapter, loadAllCourses, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import { loadSheet } from "@/lib/content/sheet";
import type { ExtractedCard } from "./extract";
import { syncChapterCards } from "./repository";

/**
 * Brings the Card table up to date with the sheets before a query reads it. Free on repeat: a
 * scope is looked at again only once the content changed (lib/content/changes' version), a sheet
 * is compiled once per file version (lib/content's cache) and written to the database only when
 * its cards differ from what this process last wrote for it.
 */
const syncedFingerprints = new Map<string, string>();
/** Where the content folders cannot be watched, a scope's sheets are looked at again this often. */
const RECHECK_MS = 3000;
const checked = new Map<string, { version: number | null; at: number }>();

function fingerprint(cards: ExtractedCard[]): string {
  return cards.map((card) => `${card.id}@${card.position}`).join(",");
}

async function syncChapter(course: Course, chapter: ChapterEntry, now: Date): Promise<void> {
  const pending = loadSheet(course, chapter);
  if (!pending) return;
  const result = await pending;
  // A sheet with content errors keeps its stored cards until it compiles again.
  if (!result.ok) return;
  const key = `${course.id}/${chapter.number}`;
  const print = fingerprint(result.sheet.cards);
  if (syncedFingerprints.get(key) === print) return;
  await syncChapterCards(course.id, chapter.number, result.sheet.cards, now);
  syncedFingerprints.set(key, print);
}

/** Syncs one chapter, one course, or (no course) every course. Unknown names sync nothing. */
export async function syncCards(scope: { course?: string; chapter?: number }, now: Date): Promise<void> {
  const scopeKey = `${scope.course ?? "*"}/${scope.chapter ?? "*"}`;
  // Taken before reading: a sheet changed while this runs moves the version, so it is read again.
  const version = contentVersion();
  const last = checked.get(scopeKey);
  const unchanged =
    version === null
      ? last !== undefined && now.getTime() - last.at < RECHECK_MS && now.getTime() >= last.at
      : last?.version === version;
  if (unchanged) return;
  const results = scope.course ? [loadCourse(scope.course)] : loadAllCourses();
  for (const result of results) {
    if (!result?.ok) continue;
    const chapters = scope.chapter ? [findChapter(result.course, scope.chapter)] : result.course.chapters;
    for (const chapter of chapters) if (chapter) await syncChapter(result.course, chapter, now);
  }
  checked.set(scopeKey, { version, at: now.getTime() });
}
