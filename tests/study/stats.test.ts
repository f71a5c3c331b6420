import { describe, expect, it } from "vitest";
import { ankiTsv } from "@/lib/study/anki";
import { applyRating, newSchedulingState } from "@/lib/study/scheduler";
import { dueForecast, masteryReport, reviewHeatmap } from "@/lib/study/stats";

const now = new Date("2026-12-01T09:00:00Z");
const daysFromNow = (days: number) => new Date(now.getTime() + days * 86400_000);

describe("review figures", () => {
  it("counts 12 weeks of reviews a day, today last", () => {
    const days = reviewHeatmap([now, now, daysFromNow(-1), daysFromNow(-83), daysFromNow(-84)], now);
    expect(days).toHaveLength(84);
    expect(days.at(-1)).toEqual({ date: "2026-12-01", count: 2 });
    expect(days.at(-2)?.count).toBe(1);
    expect(days[0]).toEqual({ date: "2026-09-09", count: 1 });
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(4);
  });

  it("forecasts 14 days of due cards, overdue ones today", () => {
    const days = dueForecast([daysFromNow(-10), now, daysFromNow(1), daysFromNow(13), daysFromNow(14)], now);
    expect(days).toHaveLength(14);
    expect(days.map((day) => day.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it("reports mastery per chapter, course and library", () => {
    const known = applyRating(newSchedulingState(now), 4, now);
    const fresh = newSchedulingState(now);
    const report = masteryReport(
      [
        { ...known, course: "a", chapter: 1 },
        { ...fresh, course: "a", chapter: 1 },
        { ...known, course: "a", chapter: 2 },
        { ...fresh, course: "b", chapter: 1 },
      ],
      now,
    );
    expect(report).toEqual({
      library: 0.5,
      courses: { a: { mastery: 2 / 3, chapters: { "1": 0.5, "2": 1 } }, b: { mastery: 0, chapters: { "1": 0 } } },
    });
  });
});

describe("the Anki export", () => {
  it("writes front, back and a course::chapter tag a row, with tabs and newlines flattened", () => {
    const tsv = ankiTsv([
      { course: "deep-dive-llms", chapter: 8, front: "Document Completer", back: "문서 완성기" },
      { course: "deep-dive-llms", chapter: 12, front: "a\tb", back: "line\nbreak" },
    ]);
    expect(tsv.split("\n")).toEqual([
      "#separator:tab",
      "#html:false",
      "#tags column:3",
      "Document Completer\t문서 완성기\tdeep-dive-llms::08",
      "a b\tline break\tdeep-dive-llms::12",
      "",
    ]);
  });
});
