import { fsrs, generatorParameters, createEmptyCard, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  applyRating,
  formatInterval,
  intervalLabels,
  mastery,
  newSchedulingState,
  queueOf,
  retrievability,
} from "@/lib/study/scheduler";

const start = new Date("2026-12-01T09:00:00Z");

describe("scheduling through ts-fsrs", () => {
  it("gives the due dates ts-fsrs computes for a run of ratings", () => {
    const reference = fsrs(generatorParameters({ enable_fuzz: false }));
    let theirs = createEmptyCard(start);
    let ours = newSchedulingState(start);
    let now = start;
    for (const rating of [3, 3, 1, 2, 4, 3] as const) {
      theirs = reference.next(
        theirs,
        now,
        rating === 1 ? Rating.Again : rating === 2 ? Rating.Hard : rating === 3 ? Rating.Good : Rating.Easy,
      ).card;
      ours = applyRating(ours, rating, now);
      expect(ours.due.toISOString()).toBe(theirs.due.toISOString());
      expect(ours.stability).toBeCloseTo(theirs.stability, 10);
      expect(ours.state).toBe(theirs.state);
      now = ours.due;
    }
    expect(ours.reps).toBe(6);
    expect(ours.lapses).toBe(1);
  });

  it("labels each button with the interval it would give, longer for better ratings", () => {
    const labels = intervalLabels(newSchedulingState(start), start);
    expect(labels).toEqual({ "1": "1m", "2": "6m", "3": "10m", "4": expect.stringMatching(/^\d+d$/) });
    expect(formatInterval(start, new Date(start.getTime() + 3 * 3600_000))).toBe("3h");
    expect(formatInterval(start, new Date(start.getTime() + 60 * 86400_000))).toBe("2mo");
  });

  it("counts a card mastered while its recall probability is at least 90 %", () => {
    const fresh = newSchedulingState(start);
    const easy = applyRating(fresh, 4, start);
    expect(retrievability(fresh, start)).toBe(0);
    expect(retrievability(easy, start)).toBeGreaterThan(0.99);
    expect(mastery([fresh, easy], start)).toBe(0.5);
    const muchLater = new Date(start.getTime() + 365 * 86400_000);
    expect(retrievability(easy, muchLater)).toBeLessThan(0.9);
    expect(mastery([fresh, easy], muchLater)).toBe(0);
    expect(mastery([], start)).toBeNull();
  });

  it("sorts states into the day's queues", () => {
    expect([0, 1, 2, 3].map(queueOf)).toEqual(["new", "learning", "due", "learning"]);
  });
});
