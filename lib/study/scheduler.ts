/**
 * Scheduling through ts-fsrs (FSRS), never a hand-written formula: the next state of a card after
 * a rating, the interval each rating would give (for the buttons), and recall probability now
 * (for mastery). Pure functions over plain card state, so the client-free logic is testable.
 */
import { fsrs, generatorParameters, State, type Card as FsrsCard } from "ts-fsrs";

/** What the database keeps of a card's FSRS state (model Card). */
export interface SchedulingState {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export const RATINGS = [1, 2, 3, 4] as const;
export type RatingValue = (typeof RATINGS)[number];

/** Recall probability at or above which a card counts as mastered. */
const MASTERY_RETRIEVABILITY = 0.9;

/** Fuzz off: the same history always gives the same dates (testable, and two tabs agree). */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** The FSRS states by the number the database keeps (their own values); other numbers are none of them. */
const STATES: ReadonlyMap<number, State> = new Map(
  [State.New, State.Learning, State.Review, State.Relearning].map((state) => [state, state]),
);

/** The fields ts-fsrs and the database name alike; picked, since a database row has more. */
function sameFields({ due, stability, difficulty, reps, lapses }: FsrsCard | SchedulingState) {
  return { due, stability, difficulty, reps, lapses };
}

function toFsrs(card: SchedulingState): FsrsCard {
  return {
    ...sameFields(card),
    state: STATES.get(card.state) ?? State.New,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: FsrsCard): SchedulingState {
  return {
    ...sameFields(card),
    state: card.state,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due now. */
export function newSchedulingState(now: Date): SchedulingState {
  return {
    state: State.New,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export function applyRating(card: SchedulingState, rating: RatingValue, now: Date): SchedulingState {
  return fromFsrs(scheduler.next(toFsrs(card), now, rating).card);
}

/** "1m", "10m", "3h", "4d", "2mo", "1.5y": the wait a date is from now, as a button shows it. */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${Math.round((days / 365) * 10) / 10}y`;
}

/** The interval each rating would give now, keyed "1"–"4". */
export function intervalLabels(card: SchedulingState, now: Date): Record<`${RatingValue}`, string> {
  const label = (rating: RatingValue) => formatInterval(now, applyRating(card, rating, now).due);
  return { "1": label(1), "2": label(2), "3": label(3), "4": label(4) };
}

/** Probability of recalling the card now (0 for a card never reviewed). */
export function retrievability(card: SchedulingState, now: Date): number {
  if (STATES.get(card.state) === State.New) return 0;
  return scheduler.get_retrievability(toFsrs(card), now, false);
}

/** Share of the cards whose recall probability is at least 90 % now; null when there are none. */
export function mastery(cards: SchedulingState[], now: Date): number | null {
  if (cards.length === 0) return null;
  return cards.filter((card) => retrievability(card, now) >= MASTERY_RETRIEVABILITY).length / cards.length;
}

/** The day's queue kinds: never seen, in (re)learning steps, or a review that fell due. */
export function queueOf(state: number): "new" | "learning" | "due" {
  const known = STATES.get(state);
  if (known === State.New) return "new";
  return known === State.Learning || known === State.Relearning ? "learning" : "due";
}
