import "server-only";
import { ankiTsv } from "./anki";
import { CARD_KINDS, type CardKind } from "./card-kinds";
import {
  cardSyncVersion,
  cardsForExport,
  chapterCards,
  dueCards,
  dueDatesBefore,
  queueCounts,
  recordReview,
  retention,
  reviewsSince,
  schedulingStates,
  type Card,
  type CardScope,
  type QueueCounts,
} from "./repository";
import { intervalLabels, mastery, queueOf } from "./scheduler";
import type { ChapterStudyJson, DueResponse, ReviewRequest, ReviewResponse, StatsJson, StudyCardJson } from "./schemas";
import { dueForecast, masteryReport, reviewHeatmap, type MasteryReport } from "./stats";
import { syncCards } from "./sync";

/** What the API answers, built from the repository after the cards are synced with the sheets. */

const DEFAULT_DUE_LIMIT = 20;

function kindOf(kind: string): CardKind {
  // Rows are written from extracted cards only; an unknown kind would be a newer app's card.
  return CARD_KINDS.find((known) => known === kind) ?? "card";
}

function toStudyCardJson(card: Card, now: Date): StudyCardJson {
  return {
    id: card.id,
    course: card.course,
    chapter: card.chapter,
    section: card.section,
    kind: kindOf(card.kind),
    front: card.front,
    back: card.back,
    due: card.due.toISOString(),
    queue: queueOf(card.state),
    intervals: intervalLabels(card, now),
  };
}

/**
 * The day's counts scan every due card of the scope (tens of thousands for a whole library), so
 * they are counted once and then kept up to date: a rating moves its one card between the
 * counts, and the cards that fell due since are added from a count of that short span of dates.
 * They are counted again after the sheets' cards are synced (cards added or retired).
 */
const COUNTS_FRESH_MS = 1000;
const COUNTS_CACHE_MAX = 1000;
interface CachedCounts {
  scope: CardScope;
  version: number;
  at: Date;
  counts: QueueCounts;
}
/**
 * On globalThis: the API routes and the pages are bundled apart, each with its own copy of this
 * module, and a rating posted to one must move the counts the other shows.
 */
const globalForCounts = globalThis as typeof globalThis & {
  studySheetsQueueCounts?: {
    cache: Map<string, CachedCounts>;
    /** Ratings applied so far: a count that ran while one was applied may or may not include it. */
    ratings: number;
  };
};
function countsState() {
  globalForCounts.studySheetsQueueCounts ??= { cache: new Map(), ratings: 0 };
  return globalForCounts.studySheetsQueueCounts;
}

function countsKey(scope: CardScope): string {
  return `${scope.course ?? "*"}/${scope.chapter ?? "*"}`;
}

function add(counts: QueueCounts, more: QueueCounts): QueueCounts {
  return { new: counts.new + more.new, learning: counts.learning + more.learning, due: counts.due + more.due };
}

async function countsFor(scope: CardScope, now: Date): Promise<QueueCounts> {
  const key = countsKey(scope);
  const version = cardSyncVersion();
  const state = countsState();
  const ratings = state.ratings;
  const cached = state.cache.get(key);
  const usable = cached && cached.version === version && now >= cached.at;
  if (usable && now.getTime() - cached.at.getTime() < COUNTS_FRESH_MS) return cached.counts;
  const counts = usable ? add(cached.counts, await queueCounts(scope, now, cached.at)) : await queueCounts(scope, now);
  if (ratings !== state.ratings || version !== cardSyncVersion()) {
    state.cache.delete(key);
    return counts;
  }
  // Any course name may be asked for: the cache starts over rather than grow without bound.
  if (state.cache.size >= COUNTS_CACHE_MAX) state.cache.clear();
  state.cache.set(key, { scope, version, at: now, counts });
  return counts;
}

/** Moves a rated card from the count it was in to the one it is in now, in every scope holding it. */
function countRating(before: Card, after: Card) {
  const state = countsState();
  state.ratings++;
  for (const entry of state.cache.values()) {
    if (entry.scope.course && entry.scope.course !== after.course) continue;
    if (entry.scope.chapter && entry.scope.chapter !== after.chapter) continue;
    const counts = { ...entry.counts };
    if (before.due <= entry.at && before.retiredAt === null) counts[queueOf(before.state)]--;
    if (after.due <= entry.at && after.retiredAt === null) counts[queueOf(after.state)]++;
    entry.counts = counts;
  }
}

export async function dueQueue(
  scope: CardScope & { limit?: number; ahead?: boolean },
  now: Date,
): Promise<DueResponse> {
  await syncCards(scope, now);
  const [cards, counts] = await Promise.all([
    dueCards(scope, { now, limit: scope.limit ?? DEFAULT_DUE_LIMIT, ahead: scope.ahead }),
    countsFor(scope, now),
  ]);
  return { cards: cards.map((card) => toStudyCardJson(card, now)), counts };
}

/** Every card of a chapter in sheet order, for studying it in place. */
export async function chapterStudy(course: string, chapter: number, now: Date): Promise<ChapterStudyJson> {
  await syncCards({ course, chapter }, now);
  const [cards, counts] = await Promise.all([chapterCards(course, chapter), countsFor({ course, chapter }, now)]);
  return { cards: cards.map((card) => toStudyCardJson(card, now)), counts, mastery: mastery(cards, now) };
}

export type RateResult = { ok: true; response: ReviewResponse } | { ok: false };

export async function rateCard(input: ReviewRequest, now: Date): Promise<RateResult> {
  const reviewedAt = input.reviewedAt ? new Date(Math.min(Date.parse(input.reviewedAt), now.getTime())) : now;
  const result = await recordReview({ ...input, reviewedAt });
  if (result.kind === "missing") return { ok: false };
  if (result.kind === "applied") countRating(result.before, result.card);
  const card = toStudyCardJson(result.card, now);
  return { ok: true, response: { card, applied: result.kind === "applied", due: card.due } };
}

export async function libraryMastery(now: Date): Promise<MasteryReport> {
  await syncCards({}, now);
  return masteryReport(await schedulingStates({}), now);
}

const TWELVE_WEEKS_MS = 84 * 24 * 3600 * 1000;
const FOURTEEN_DAYS_MS = 14 * 24 * 3600 * 1000;

export async function reviewStats(now: Date): Promise<StatsJson> {
  const [reviews, dueDates, recalled] = await Promise.all([
    reviewsSince(new Date(now.getTime() - TWELVE_WEEKS_MS)),
    dueDatesBefore(new Date(now.getTime() + FOURTEEN_DAYS_MS)),
    retention(),
  ]);
  return {
    days: reviewHeatmap(
      reviews.map((review) => review.reviewedAt),
      now,
    ),
    upcoming: dueForecast(dueDates, now),
    retention: recalled,
  };
}

export async function ankiExport(scope: CardScope, now: Date): Promise<string> {
  await syncCards(scope, now);
  return ankiTsv(await cardsForExport(scope));
}
