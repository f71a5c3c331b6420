import { describe, expect, it } from "vitest";
import { parseInterval } from "@/lib/study/interval-text";
import { formatInterval } from "@/lib/study/scheduler";

describe("parseInterval", () => {
  it("reads back every unit formatInterval writes", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const after = (ms: number) => parseInterval(formatInterval(start, new Date(start.getTime() + ms)));
    expect(after(10 * 60_000)).toEqual({ amount: 10, unit: "minute" });
    expect(after(3 * 3600_000)).toEqual({ amount: 3, unit: "hour" });
    expect(after(4 * 86400_000)).toEqual({ amount: 4, unit: "day" });
    expect(after(60 * 86400_000)).toEqual({ amount: 2, unit: "month" });
    expect(after(548 * 86400_000)).toEqual({ amount: 1.5, unit: "year" });
  });

  it("answers null for anything else", () => {
    expect(["", "soon", "3 d", "2w", "m", "-1d"].map(parseInterval)).toEqual([null, null, null, null, null, null]);
  });
});
