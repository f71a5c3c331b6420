import { describe, expect, it } from "vitest";
import { enqueueReview, outcomeOf, parseOutbox, readyToSend, settle } from "@/lib/study/outbox";

const now = Date.parse("2026-12-01T09:00:00Z");

describe("the review outbox", () => {
  it("keeps a rating until the server answers it, backing off while there is no answer", () => {
    let outbox = enqueueReview([], { reviewId: "r-00000001", cardId: "c1", rating: 3 }, now);
    outbox = enqueueReview(outbox, { reviewId: "r-00000002", cardId: "c2", rating: 1 }, now);
    expect(readyToSend(outbox, now).map((e) => e.reviewId)).toEqual(["r-00000001", "r-00000002"]);

    outbox = settle(outbox, "r-00000001", 0, now); // offline
    expect(outbox).toHaveLength(2);
    expect(readyToSend(outbox, now).map((e) => e.reviewId)).toEqual(["r-00000002"]);
    expect(readyToSend(outbox, now + 1000).map((e) => e.reviewId)).toEqual(["r-00000001", "r-00000002"]);
    outbox = settle(outbox, "r-00000001", 503, now);
    expect(outbox[0]).toMatchObject({ failures: 2, retryAt: now + 2000 });

    outbox = settle(outbox, "r-00000001", 200, now);
    outbox = settle(outbox, "r-00000002", 404, now);
    expect(outbox).toEqual([]);
  });

  it("reads back what it stored and drops what it cannot read", () => {
    const outbox = enqueueReview([], { reviewId: "r-00000001", cardId: "c1", rating: 4 }, now);
    expect(parseOutbox(JSON.stringify(outbox))).toEqual(outbox);
    expect(parseOutbox(JSON.stringify([{ ...outbox[0], rating: 7 }, outbox[0]]))).toEqual(outbox);
    expect(parseOutbox("{broken")).toEqual([]);
    expect(parseOutbox(JSON.stringify({ not: "a list" }))).toEqual([]);
    expect(parseOutbox(null)).toEqual([]);
  });

  it("knows which answers end a send", () => {
    expect([200, 400, 404, 413, 0, 403, 500, 503].map(outcomeOf)).toEqual([
      "done",
      "rejected",
      "rejected",
      "rejected",
      "retry",
      "retry",
      "retry",
      "retry",
    ]);
  });
});
