import "server-only";
import { ankiTsv } from "./anki";
import { CARD_KINDS, type CardKind } from "./extract";
import {
  cardWriteVersion,
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
 * The day's counts scan every due card of the scope (tens of thousands for a whole library): they
 * are reused until a card is written or, as cards fall due with time, for at most a few seconds.
 */
const COUNTS_FRESH_MS = 5000;
const COUNTS_CACHE_MAX = 1000;
const countsCache = new Map<string, { version: number; at: number; counts: QueueCounts }>();

async function countsFor(scope: CardScope, now: Date): Promise<QueueCounts> {
  const key = `${scope.course ?? "*"}/${scope.chapter ?? "*"}`;
  const version = cardWriteVersion();
  const cached = countsCache.get(key);
  const age = now.getTime() - (cached?.at ?? 0);
  if (cached && cached.version === version && age >= 0 && age < COUNTS_FRESH_MS) return cached.counts;
  const counts = await queueCounts(scope, now);
  // Any course name may be asked for: the cache starts over rather than grow without bound.
  if (countsCache.size >= COUNTS_CACHE_MAX) countsCache.clear();
  countsCache.set(key, { version, at: now.getTime(), counts });
  return counts;
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
