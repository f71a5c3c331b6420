import { describe, expect, it } from "vitest";
import { smallestFittingStep } from "@/lib/sheet-layout/fit";

/** A body that fits from step `first` on (null: never), counting the probes a search makes. */
function body(first: number | null) {
  const probes: number[] = [];
  const fitsAt = (step: number) => {
    probes.push(step);
    return first !== null && step >= first;
  };
  return { fitsAt, probes };
}

const STEPS = 16;

describe("smallestFittingStep", () => {
  it("finds the first fitting step for every answer, with and without a hint, and the hint never changes it", () => {
    let cases = 0;
    for (const first of [null, ...Array.from({ length: STEPS + 1 }, (_, step) => step)]) {
      for (const hint of [undefined, ...Array.from({ length: STEPS + 1 }, (_, step) => step)]) {
        const { fitsAt } = body(first);
        expect(smallestFittingStep(fitsAt, STEPS, hint)).toBe(first);
        cases += 1;
      }
    }
    expect(cases).toBe(18 * 18);
  });

  it("costs two probes when the hint is still right (an edit that keeps the size)", () => {
    const { fitsAt, probes } = body(9);
    expect(smallestFittingStep(fitsAt, STEPS, 9)).toBe(9);
    expect(probes).toEqual([9, 8]);
  });

  it("costs two or three probes when the size moved by one step either way", () => {
    const larger = body(8);
    expect(smallestFittingStep(larger.fitsAt, STEPS, 9)).toBe(8);
    expect(larger.probes).toEqual([9, 8, 7]);
    const smaller = body(10);
    expect(smallestFittingStep(smaller.fitsAt, STEPS, 9)).toBe(10);
    expect(smaller.probes).toEqual([9, 10]);
  });

  it("without a hint, tries the start size and the floor, then halves (at most six probes for 16 steps)", () => {
    const fitsAtStart = body(0);
    expect(smallestFittingStep(fitsAtStart.fitsAt, STEPS)).toBe(0);
    expect(fitsAtStart.probes).toEqual([0]);
    const never = body(null);
    expect(smallestFittingStep(never.fitsAt, STEPS)).toBeNull();
    expect(never.probes).toEqual([0, STEPS]);
    const middle = body(5);
    expect(smallestFittingStep(middle.fitsAt, STEPS)).toBe(5);
    expect(middle.probes.length).toBeLessThanOrEqual(6);
  });

  it("takes a hint off the scale as the nearest end", () => {
    expect(smallestFittingStep(body(STEPS).fitsAt, STEPS, 40)).toBe(STEPS);
    expect(smallestFittingStep(body(0).fitsAt, STEPS, -3)).toBe(0);
  });
});
