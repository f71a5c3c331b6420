/**
 * The browser's outbox of ratings, as pure functions (the glue that keeps it in localStorage and
 * sends it is components/study/review-outbox.ts). A rating is stored before it is sent and
 * dropped only once the server has answered it, so it survives going offline, a reload and a
 * server restart; its `reviewId` makes a resend harmless (the server applies it once).
 */
import { z } from "zod";
// The same backoff as the notes' outbox: 1 s, 2 s, 4 s … up to 30 s.
import { retryDelay } from "@/lib/notes/outbox";
import { RATINGS } from "./scheduler";

const reviewOutboxEntrySchema = z.object({
  reviewId: z.string(),
  cardId: z.string(),
  rating: z.union(RATINGS.map((rating) => z.literal(rating))),
  reviewedAt: z.string(),
  failures: z.number(),
  retryAt: z.number(),
});
export type ReviewOutboxEntry = z.infer<typeof reviewOutboxEntrySchema>;

/** Stored JSON as entries; anything unreadable (another version, a hand edit) is dropped entry by entry. */
export function parseOutbox(stored: string | null): ReviewOutboxEntry[] {
  if (!stored) return [];
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((item) => {
    const entry = reviewOutboxEntrySchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

export function enqueueReview(
  outbox: ReviewOutboxEntry[],
  review: Pick<ReviewOutboxEntry, "reviewId" | "cardId" | "rating">,
  now: number,
): ReviewOutboxEntry[] {
  return [...outbox, { ...review, reviewedAt: new Date(now).toISOString(), failures: 0, retryAt: now }];
}

/** Entries whose turn has come, oldest first (a card's ratings are applied in the order given). */
export function readyToSend(outbox: ReviewOutboxEntry[], now: number): ReviewOutboxEntry[] {
  return outbox.filter((entry) => entry.retryAt <= now);
}

export type SendOutcome = "done" | "rejected" | "retry";

/**
 * What an answer means: 200 applied (or already applied), 400/404 can never succeed (a card the
 * sheet lost, say) so it is dropped; no answer or a server error is tried again later.
 */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return "done";
  if (status === 400 || status === 404 || status === 413) return "rejected";
  return "retry";
}

export function settle(
  outbox: ReviewOutboxEntry[],
  reviewId: string,
  status: number,
  now: number,
): ReviewOutboxEntry[] {
  const outcome = outcomeOf(status);
  if (outcome !== "retry") return outbox.filter((entry) => entry.reviewId !== reviewId);
  return outbox.map((entry) =>
    entry.reviewId === reviewId
      ? { ...entry, failures: entry.failures + 1, retryAt: now + retryDelay(entry.failures + 1) }
      : entry,
  );
}
