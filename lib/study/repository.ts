import "server-only";
import { Prisma, type Card } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { readCheckedRows, readOrReadAround } from "@/lib/db/readable-rows";
import type { ExtractedCard } from "./extract";
import { applyRating, newSchedulingState, type RatingValue, type SchedulingState } from "./scheduler";
import { storedCardSchema, storedSchedulingSchema } from "./schemas";

/** The one owner of the Card and ReviewLog tables. */

export type { Card };

export interface CardScope {
  course?: string;
  chapter?: number;
}

/**
 * Bumped by every sync of the cards with a sheet (cards added, moved, retired): figures derived
 * from the table (the day's counts) are made again after it. A rating is not counted here: it
 * changes one known card, which the caller accounts for.
 */
const globalForSyncs = globalThis as typeof globalThis & { studySheetsCardSyncs?: number };
/** On globalThis: the pages and the API routes are bundled apart but share one database. */
export function cardSyncVersion(): number {
  return globalForSyncs.studySheetsCardSyncs ?? 0;
}

function scopeWhere(scope: CardScope): Prisma.CardWhereInput {
  return {
    retiredAt: null,
    ...(scope.course ? { course: scope.course } : {}),
    ...(scope.chapter ? { chapter: scope.chapter } : {}),
  };
}

/**
 * Makes the stored cards of a chapter match what its sheet yields now: new cards are added (due
 * now), moved ones get their new position, cards that came back are revived with their history,
 * and cards the sheet no longer has are retired (their reviews stay).
 */
export async function syncChapterCards(
  course: string,
  chapter: number,
  cards: ExtractedCard[],
  now: Date,
): Promise<void> {
  const stored = await db.card.findMany({
    where: { course, chapter },
    select: { id: true, position: true, retiredAt: true },
  });
  const byId = new Map(stored.map((card) => [card.id, card]));
  const wanted = new Set(cards.map((card) => card.id));
  const changes: Prisma.PrismaPromise<unknown>[] = [];
  const fresh = cards.filter((card) => !byId.has(card.id));
  if (fresh.length > 0) {
    changes.push(
      db.card.createMany({
        data: fresh.map((card) => ({ ...card, course, chapter, ...newSchedulingState(now), createdAt: now })),
      }),
    );
  }
  for (const card of cards) {
    const existing = byId.get(card.id);
    if (existing && (existing.position !== card.position || existing.retiredAt !== null)) {
      changes.push(db.card.update({ where: { id: card.id }, data: { position: card.position, retiredAt: null } }));
    }
  }
  const gone = stored.filter((card) => card.retiredAt === null && !wanted.has(card.id)).map((card) => card.id);
  if (gone.length > 0) changes.push(db.card.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } }));
  if (changes.length > 0) {
    await db.$transaction(changes);
    bumpWrites();
  }
}

export interface QueueCounts {
  new: number;
  learning: number;
  due: number;
}

/** Cards as stored, each checked: a row written outside the app that cannot be used is logged and left out. */
async function readCards(query: {
  where: Prisma.CardWhereInput;
  orderBy: Prisma.CardOrderByWithRelationInput[];
  take?: number;
}): Promise<Card[]> {
  const { rows } = await readCheckedRows("Card", storedCardSchema, {
    read: () => db.card.findMany(query),
    readIds: () => db.card.findMany({ ...query, select: { id: true } }),
    readByIds: (ids) => db.card.findMany({ where: { id: { in: ids } } }),
  });
  return rows;
}

/** Cards due by `now` (or, studying ahead, the soonest due whatever the date), soonest first. */
export function dueCards(scope: CardScope, options: { now: Date; limit: number; ahead?: boolean }): Promise<Card[]> {
  return readCards({
    where: { ...scopeWhere(scope), ...(options.ahead ? {} : { due: { lte: options.now } }) },
    // due alone, so the (retiredAt, due, state) index gives the order without sorting the library
    orderBy: [{ due: "asc" }],
    take: options.limit,
  });
}

/**
 * How many cards are due now: never seen, in (re)learning steps, and reviews. With `after`, only
 * those that fell due since then (a few rows, where the whole count is tens of thousands).
 */
export async function queueCounts(scope: CardScope, now: Date, after?: Date): Promise<QueueCounts> {
  const where = { ...scopeWhere(scope), due: { lte: now, ...(after ? { gt: after } : {}) } };
  const count = (state?: { gte: number; lte: number }) =>
    db.card.groupBy({ by: ["state"], where: state ? { ...where, state } : where, _count: { _all: true } });
  const rows = await readOrReadAround("Card", "queue counts", count, () => count({ gte: 0, lte: 3 }));
  const counts: QueueCounts = { new: 0, learning: 0, due: 0 };
  for (const row of rows) {
    if (row.state === 0) counts.new += row._count._all;
    else if (row.state === 2) counts.due += row._count._all;
    else counts.learning += row._count._all;
  }
  return counts;
}

/** The live cards of a chapter in sheet order. */
export function chapterCards(course: string, chapter: number): Promise<Card[]> {
  return readCards({ where: { course, chapter, retiredAt: null }, orderBy: [{ position: "asc" }] });
}

/** Every live card's place and scheduling state, for mastery figures. */
export async function schedulingStates(
  scope: CardScope,
): Promise<(SchedulingState & { course: string; chapter: number })[]> {
  const where = scopeWhere(scope);
  const select = {
    id: true,
    course: true,
    chapter: true,
    state: true,
    due: true,
    stability: true,
    difficulty: true,
    elapsedDays: true,
    scheduledDays: true,
    learningSteps: true,
    reps: true,
    lapses: true,
    lastReview: true,
  };
  const { rows } = await readCheckedRows("Card", storedSchedulingSchema, {
    read: () => db.card.findMany({ where, select }),
    readIds: () => db.card.findMany({ where, select: { id: true } }),
    readByIds: (ids) => db.card.findMany({ where: { id: { in: ids } }, select }),
  });
  return rows;
}

export interface ReviewInput {
  reviewId: string;
  cardId: string;
  rating: RatingValue;
  reviewedAt: Date;
}

/** `before`: the card as it was, when the rating was applied now. */
export type ReviewResult =
  { kind: "applied"; card: Card; before: Card } | { kind: "duplicate"; card: Card } | { kind: "missing" };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Applies one rating, once: the review log's key is the browser's `reviewId`, so the same
 * review sent again (a retry, a second tab) changes nothing and answers the card as it is. A
 * repeat is rare: it is found by the key's unique violation, not looked for on every rating.
 */
export async function recordReview(input: ReviewInput): Promise<ReviewResult> {
  const card = await db.card.findUnique({ where: { id: input.cardId } });
  if (!card) return { kind: "missing" };
  // Reviews queued offline arrive late: schedule from when the user rated, never before the last one.
  const at = card.lastReview && card.lastReview > input.reviewedAt ? card.lastReview : input.reviewedAt;
  const next = applyRating(card, input.rating, at);
  try {
    const [, updated] = await db.$transaction([
      db.reviewLog.create({
        data: {
          reviewId: input.reviewId,
          cardId: card.id,
          rating: input.rating,
          state: card.state,
          due: card.due,
          reviewedAt: at,
        },
      }),
      db.card.update({ where: { id: card.id }, data: next }),
    ]);
    return { kind: "applied", card: updated, before: card };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const already = await db.reviewLog.findUnique({ where: { reviewId: input.reviewId }, select: { cardId: true } });
    return duplicate(already?.cardId ?? input.cardId);
  }
}

function bumpWrites() {
  globalForSyncs.studySheetsCardSyncs = cardSyncVersion() + 1;
}

async function duplicate(cardId: string): Promise<ReviewResult> {
  const card = await db.card.findUnique({ where: { id: cardId } });
  return card ? { kind: "duplicate", card } : { kind: "missing" };
}

/** Ratings since `since`, for the heatmap and retention (a rating dated past any real date is left out). */
export function reviewsSince(since: Date): Promise<{ reviewedAt: Date; rating: number; state: number }[]> {
  const read = (until?: Date) =>
    db.reviewLog.findMany({
      where: { reviewedAt: until ? { gte: since, lt: until } : { gte: since } },
      select: { reviewedAt: true, rating: true, state: true },
    });
  return readOrReadAround("ReviewLog", "ratings", read, () => read(new Date(Date.UTC(2200, 0, 1))));
}

/** Share of reviews of learned cards (not new) answered Hard or better; null before any. */
export async function retention(): Promise<number | null> {
  const [reviewed, recalled] = await Promise.all([
    db.reviewLog.count({ where: { state: { not: 0 } } }),
    db.reviewLog.count({ where: { state: { not: 0 }, rating: { gte: 2 } } }),
  ]);
  return reviewed === 0 ? null : recalled / reviewed;
}

/** Due dates of live cards before `until`. */
export async function dueDatesBefore(until: Date): Promise<Date[]> {
  const rows = await db.card.findMany({ where: { retiredAt: null, due: { lt: until } }, select: { due: true } });
  return rows.map((row) => row.due);
}

/** Live cards for an export, in course, chapter and sheet order. */
export function cardsForExport(scope: CardScope): Promise<Card[]> {
  return readCards({
    where: scopeWhere(scope),
    orderBy: [{ course: "asc" }, { chapter: "asc" }, { position: "asc" }],
  });
}
