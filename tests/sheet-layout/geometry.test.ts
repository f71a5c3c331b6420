import { describe, expect, it } from "vitest";
import {
  A4_ASPECT,
  A4_PX,
  A4_VIEWPORT,
  FIT_FLOOR_PT,
  FIT_START_PT,
  FIT_STEP_PT,
  sheetGeometryStyle,
} from "@/lib/sheet-layout/geometry";

describe("the sheet's geometry", () => {
  it("is A4 in CSS pixels and in the print browser's whole-pixel viewport", () => {
    expect(A4_PX.width).toBeCloseTo(793.7, 1);
    expect(A4_PX.height).toBeCloseTo(1122.5, 1);
    expect(A4_VIEWPORT).toEqual({ width: 794, height: 1123 });
    expect(A4_ASPECT).toBeCloseTo(Math.SQRT2, 2);
  });

  it("fits text from 11 pt down to a 7 pt floor in whole steps, and gives the CSS the same numbers", () => {
    expect([FIT_START_PT, FIT_FLOOR_PT, FIT_STEP_PT]).toEqual([11, 7, 0.25]);
    expect(Number.isInteger((FIT_START_PT - FIT_FLOOR_PT) / FIT_STEP_PT)).toBe(true);
    expect(sheetGeometryStyle).toEqual({
      "--sheet-width": "210mm",
      "--sheet-height": "297mm",
      "--fit-start": "11pt",
      "--fit-floor": "7pt",
    });
  });
});
