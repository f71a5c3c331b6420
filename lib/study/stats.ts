/** Pure figures for the review page: reviews per day, cards due per day, mastery by place. */
import { mastery, type SchedulingState } from "./scheduler";

const DAY_MS = 24 * 3600 * 1000;

/** "2026-12-01": the UTC day of a moment. */
function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How many of `dates` fall on each of `days` consecutive UTC days starting `days0` days from today. */
function countByDay(dates: Date[], now: Date, fromDay: number, days: number): { date: string; count: number }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const buckets = Array.from({ length: days }, (_, i) => ({
    date: dayKey(new Date(today + (fromDay + i) * DAY_MS)),
    count: 0,
  }));
  const index = new Map(buckets.map((bucket, i) => [bucket.date, i]));
  for (const date of dates) {
    const i = index.get(dayKey(date));
    const bucket = i === undefined ? undefined : buckets[i];
    if (bucket) bucket.count++;
  }
  return buckets;
}

/** Reviews a day over the last `weeks` weeks, today last. */
export function reviewHeatmap(reviewedAt: Date[], now: Date, weeks = 12) {
  return countByDay(reviewedAt, now, -(weeks * 7 - 1), weeks * 7);
}

/** Cards falling due each of the next `days` days, today first; overdue cards count today. */
export function dueForecast(dueDates: Date[], now: Date, days = 14) {
  const clamped = dueDates.map((due) => (due < now ? now : due));
  return countByDay(clamped, now, 0, days);
}

export interface MasteryReport {
  library: number | null;
  courses: Record<string, { mastery: number | null; chapters: Record<string, number> }>;
}

/** Mastery of each chapter, each course and the whole library, from the live cards' states. */
export function masteryReport(
  cards: (SchedulingState & { course: string; chapter: number })[],
  now: Date,
): MasteryReport {
  const byCourse = new Map<string, Map<number, SchedulingState[]>>();
  for (const card of cards) {
    const chapters = byCourse.get(card.course) ?? new Map<number, SchedulingState[]>();
    byCourse.set(card.course, chapters);
    chapters.set(card.chapter, [...(chapters.get(card.chapter) ?? []), card]);
  }
  const courses: MasteryReport["courses"] = {};
  for (const [course, chapters] of byCourse) {
    const perChapter: Record<string, number> = {};
    for (const [chapter, states] of chapters) perChapter[String(chapter)] = mastery(states, now) ?? 0;
    courses[course] = { mastery: mastery([...chapters.values()].flat(), now), chapters: perChapter };
  }
  return { library: mastery(cards, now), courses };
}
