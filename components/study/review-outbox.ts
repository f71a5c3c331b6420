/**
 * The browser side of "no rating lost": a rating goes into localStorage first, then to
 * POST /api/review, retried with backoff (and at once when the browser comes back online) until
 * the server answers. Every tab shares the one outbox; the reviewId makes a double send harmless.
 * The decisions are the pure functions of lib/study/outbox.ts.
 */
import { enqueueReview, parseOutbox, readyToSend, settle, type ReviewOutboxEntry } from "@/lib/study/outbox";
import { reviewResponseSchema, type ReviewResponse } from "@/lib/study/schemas";

const OUTBOX_KEY = "study-sheets:review-outbox";
const REQUEST_TIMEOUT_MS = 15_000;
const POLL_MS = 1000;

type Listener = (pending: number, answered: ReviewResponse | null) => void;
const listeners = new Set<Listener>();

function read(): ReviewOutboxEntry[] {
  return parseOutbox(window.localStorage.getItem(OUTBOX_KEY));
}

function write(outbox: ReviewOutboxEntry[]) {
  window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
}

function notify(answered: ReviewResponse | null) {
  const pending = read().length;
  for (const listener of listeners) listener(pending, answered);
}

async function send(entry: ReviewOutboxEntry): Promise<{ status: number; answer: ReviewResponse | null }> {
  try {
    const response = await fetch("/api/review", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        cardId: entry.cardId,
        rating: entry.rating,
        reviewId: entry.reviewId,
        reviewedAt: entry.reviewedAt,
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) return { status: response.status, answer: null };
    const answer = reviewResponseSchema.safeParse(await response.json());
    return { status: answer.success ? response.status : 502, answer: answer.success ? answer.data : null };
  } catch {
    return { status: 0, answer: null };
  }
}

let flushing = false;

/** Sends what is due to be sent, one at a time in the order rated. */
async function flushReviews(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (const entry of readyToSend(read(), Date.now())) {
      const { status, answer } = await send(entry);
      write(settle(read(), entry.reviewId, status, Date.now()));
      notify(answer);
      if (status === 0) break; // offline: the rest would fail the same way
    }
  } finally {
    flushing = false;
  }
}

export function queueReview(cardId: string, rating: 1 | 2 | 3 | 4): void {
  write(enqueueReview(read(), { reviewId: crypto.randomUUID(), cardId, rating }, Date.now()));
  notify(null);
  void flushReviews();
}

let timer: number | null = null;

/** Listens to outbox changes (and keeps retrying while anyone listens); returns the unsubscribe. */
export function watchReviews(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = window.setInterval(() => void flushReviews(), POLL_MS);
    window.addEventListener("online", onOnline);
  }
  void flushReviews();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      window.clearInterval(timer);
      window.removeEventListener("online", onOnline);
      timer = null;
    }
  };
}

function onOnline() {
  // Waiting entries were backed off while offline: their turn is now.
  write(read().map((entry) => ({ ...entry, retryAt: Date.now() })));
  void flushReviews();
}
