import { z } from "zod";
import { CARD_KINDS } from "./card-kinds";

/** A review request is tiny; anything bigger is not one. */
export const REVIEW_REQUEST_MAX_BYTES = 4_000;
export const DUE_LIMIT_MAX = 500;

const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "a course id is lowercase letters, digits and hyphens");
/** Query strings are text: numbers are parsed here so `chapter=abc` is a 400, not a crash. */
const chapterParam = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, "a chapter is a whole number from 1")
  .transform(Number);

export const dueQuerySchema = z.strictObject({
  course: courseId.optional(),
  chapter: chapterParam.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "a limit is a whole number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= DUE_LIMIT_MAX, `a limit is 1 to ${DUE_LIMIT_MAX}`)
    .optional(),
  /** "1": the soonest cards even if not due yet (study ahead). */
  ahead: z.enum(["1"]).optional(),
});

/** /review's query: a course, `ahead=1` to study ahead, with a `chapter` to cram that chapter. */
export const reviewPageQuerySchema = dueQuerySchema.omit({ limit: true });

/** The section a card stands in: /review draws it once for all its cards. */
export function sectionKey(card: { course: string; chapter: number; section: string }): string {
  return `${card.course}/${card.chapter}/${card.section}`;
}

export const chapterQuerySchema = z.strictObject({ course: courseId, chapter: chapterParam });
export const scopeQuerySchema = z.strictObject({ course: courseId.optional(), chapter: chapterParam.optional() });

export const reviewInputSchema = z.strictObject({
  cardId: z.string().regex(/^[0-9a-f]{20}$/, "a card id is 20 hex digits"),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], "a rating is 1 (Again) to 4 (Easy)"),
  /** Made by the browser (crypto.randomUUID()), so the same review sent twice is applied once. */
  reviewId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "a review id is 8 to 64 letters, digits, _ or -"),
  /** When the user rated, for reviews queued offline; the server's clock when absent. */
  reviewedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ReviewRequest = z.infer<typeof reviewInputSchema>;

const intervals = z.object({ "1": z.string(), "2": z.string(), "3": z.string(), "4": z.string() });

const studyCardJsonSchema = z.object({
  id: z.string(),
  course: z.string(),
  chapter: z.number(),
  section: z.string(),
  kind: z.enum(CARD_KINDS),
  front: z.string(),
  back: z.string(),
  due: z.string(),
  /** new | learning | due (due now or later) */
  queue: z.enum(["new", "learning", "due"]),
  /** What each rating would schedule, e.g. { "1": "1m", "3": "10m" }. */
  intervals,
});
export type StudyCardJson = z.infer<typeof studyCardJsonSchema>;

const countsSchema = z.object({ new: z.number(), learning: z.number(), due: z.number() });

export const dueResponseSchema = z.object({ cards: z.array(studyCardJsonSchema), counts: countsSchema });
export type DueResponse = z.infer<typeof dueResponseSchema>;

export const chapterStudySchema = z.object({
  cards: z.array(studyCardJsonSchema),
  counts: countsSchema,
  mastery: z.number().nullable(),
});
export type ChapterStudyJson = z.infer<typeof chapterStudySchema>;

export const reviewResponseSchema = z.object({ card: studyCardJsonSchema, applied: z.boolean(), due: z.string() });
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

export const masteryResponseSchema = z.object({
  library: z.number().nullable(),
  courses: z.record(
    z.string(),
    z.object({ mastery: z.number().nullable(), chapters: z.record(z.string(), z.number()) }),
  ),
});
export type MasteryJson = z.infer<typeof masteryResponseSchema>;

export const statsResponseSchema = z.object({
  /** Reviews a day, oldest first, the last 84 days (12 weeks) ending today (UTC). */
  days: z.array(z.object({ date: z.string(), count: z.number() })),
  /** Cards falling due each of the next 14 days, today first. */
  upcoming: z.array(z.object({ date: z.string(), count: z.number() })),
  retention: z.number().nullable(),
});
export type StatsJson = z.infer<typeof statsResponseSchema>;

const storedCount = z.int().min(0);
const storedDate = z.date();
/**
 * The scheduling state of a Card row as read back: a row written outside the app that fails this
 * (an unknown state, a negative count, a date that is not one) is left out of the queue (logged).
 */
export const storedSchedulingSchema = z.object({
  state: z.int().min(0).max(3),
  due: storedDate,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: storedCount,
  scheduledDays: storedCount,
  learningSteps: storedCount,
  reps: storedCount,
  lapses: storedCount,
  lastReview: storedDate.nullable(),
});

/** A whole Card row as read back (see storedSchedulingSchema). */
export const storedCardSchema = storedSchedulingSchema.extend({
  id: z.string(),
  course: courseId,
  chapter: z.int().min(1).max(999),
  section: z.string(),
  kind: z.enum(CARD_KINDS),
  front: z.string(),
  back: z.string(),
  position: storedCount,
});
