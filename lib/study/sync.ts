import "server-only";
import { findChapter, loadAllCourses, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import { loadSheet } from "@/lib/content/sheet";
import type { ExtractedCard } from "./extract";
import { syncChapterCards } from "./repository";

/**
 * Brings the Card table up to date with the sheets before a query reads it. Cheap on repeat: a
 * sheet is compiled once per file version (lib/content's cache) and written to the database
 * only when its cards differ from what this process last wrote for it.
 */
const syncedFingerprints = new Map<string, string>();
/** A scope's sheets are looked at again at most this often (a sheet edited in dev shows within it). */
const RECHECK_MS = 3000;
const checkedAt = new Map<string, number>();

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
  const last = checkedAt.get(scopeKey);
  if (last !== undefined && now.getTime() - last < RECHECK_MS && now.getTime() >= last) return;
  const results = scope.course ? [loadCourse(scope.course)] : loadAllCourses();
  for (const result of results) {
    if (!result?.ok) continue;
    const chapters = scope.chapter ? [findChapter(result.course, scope.chapter)] : result.course.chapters;
    for (const chapter of chapters) if (chapter) await syncChapter(result.course, chapter, now);
  }
  checkedAt.set(scopeKey, now.getTime());
}
