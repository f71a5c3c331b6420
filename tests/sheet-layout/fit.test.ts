import { describe, expect, it } from "vitest";
import { FIT_FLOOR_PT, FIT_START_PT, FIT_STEP_PT } from "@/lib/sheet-layout/geometry";
import { contentDigest, fitSections, smallestFittingStep, type FitBody, type SectionFit } from "@/lib/sheet-layout/fit";

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

  it("costs two probes when the hint is still right (an edit that keeps the size), the answer last", () => {
    const { fitsAt, probes } = body(9);
    expect(smallestFittingStep(fitsAt, STEPS, 9)).toBe(9);
    expect(probes).toEqual([8, 9]);
  });

  it("costs two or three probes when the size moved by one step either way", () => {
    const larger = body(8);
    expect(smallestFittingStep(larger.fitsAt, STEPS, 9)).toBe(8);
    expect(larger.probes).toEqual([8, 7]);
    const smaller = body(10);
    expect(smallestFittingStep(smaller.fitsAt, STEPS, 9)).toBe(10);
    expect(smaller.probes).toEqual([8, 9, 10]);
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

/** A section body whose text needs `lines` lines of `size` pt each in a box `height` high, counting the layouts asked for. */
function fakeBody(content: string, linesOfText: number, height = 100) {
  let size = FIT_START_PT;
  const layouts = { count: 0 };
  const element: FitBody = {
    innerHTML: content,
    clientWidth: 200,
    get clientHeight() {
      layouts.count += 1;
      return height;
    },
    scrollWidth: 200,
    get scrollHeight() {
      layouts.count += 1;
      return Math.max(height, Math.ceil(linesOfText * size * 1.25));
    },
    style: {
      setProperty: (_name: string, value: string) => {
        size = Number.parseFloat(value);
      },
    },
  };
  return { element, layouts, size: () => size };
}

describe("fitSections", () => {
  const steps = Math.round((FIT_START_PT - FIT_FLOOR_PT) / FIT_STEP_PT);
  it("fits each body to the largest size that fits, and the floor with fits=false when none does", () => {
    const roomy = fakeBody("<p>short</p>", 2);
    const tight = fakeBody("<p>long</p>", 10);
    const hopeless = fakeBody("<p>far too long</p>", 40);
    const fits = fitSections(
      [roomy, tight, hopeless].map((b, i) => ({ key: String(i), body: b.element })),
      new Map(),
      () => 0.5,
    );
    expect(fits.map((f) => [f.size, f.fits])).toEqual([
      [FIT_START_PT, true],
      [8, true],
      [FIT_START_PT - steps * FIT_STEP_PT, false],
    ]);
    expect(tight.size()).toBe(8);
  });

  it("gives a body with the same content and box its last size without probing, and fits a changed one again", () => {
    const memory = new Map<string, SectionFit>();
    fitSections(
      [
        { key: "a", body: fakeBody("<p>same</p>", 10).element },
        { key: "b", body: fakeBody("<p>old</p>", 10).element },
      ],
      memory,
      () => 0.9,
    );
    const same = fakeBody("<p>same</p>", 10);
    const edited = fakeBody("<p>new, longer</p>", 11);
    const moved = fakeBody("<p>same</p>", 10, 80);
    const measured: FitBody[] = [];
    const fits = fitSections(
      [
        { key: "a", body: same.element },
        { key: "b", body: edited.element },
      ],
      memory,
      (body) => (measured.push(body), 0.95),
    );
    expect(fits[0]?.size).toBe(8);
    // The kept fit keeps its fill too; only the body fitted again is measured.
    expect(fits.map((fit) => fit.fill)).toEqual([0.9, 0.95]);
    expect(measured).toEqual([edited.element]);
    expect(same.size()).toBe(8);
    expect(same.layouts.count).toBe(1); // its box read once, no overflow probe
    expect(fits[1]?.size).toBe(7.25);
    expect(edited.layouts.count).toBeGreaterThan(2);
    // The same content in a smaller box is fitted again.
    const again = fitSections([{ key: "a", body: moved.element }], memory, () => 1);
    expect(again[0]?.size).toBeLessThan(8);
    expect(moved.layouts.count).toBeGreaterThan(1);
  });
});

describe("what a fit is remembered by", () => {
  it("recognises the same diagrams drawn in another page load (other drawing ids)", () => {
    const memory = new Map<string, SectionFit>();
    const drawn = (id: string) =>
      `<p>text</p><svg id="${id}"><marker id="${id}_flowchart-v2-pointEnd"></marker><style>#${id} .node{}</style></svg>`;
    fitSections([{ key: "a", body: fakeBody(drawn("mermaid-k3x9q-1"), 10).element }], memory, () => 0.9);
    const again = fakeBody(drawn("mermaid-zz81a-4"), 10);
    fitSections([{ key: "a", body: again.element }], memory, () => 0.9);
    expect(again.layouts.count).toBe(1); // no probe: the same drawing, the same box
    const other = fakeBody(drawn("mermaid-zz81a-4").replace("text", "other text"), 10);
    fitSections([{ key: "a", body: other.element }], memory, () => 0.9);
    expect(other.layouts.count).toBeGreaterThan(1);
  });

  it("digests markup to a short stable value that changes with the markup", () => {
    expect(contentDigest("<p>a</p>")).toBe(contentDigest("<p>a</p>"));
    expect(contentDigest("<p>a</p>")).not.toBe(contentDigest("<p>b</p>"));
    expect(contentDigest("x".repeat(100_000))).toMatch(/^[0-9a-f]{1,14}$/);
  });
});
