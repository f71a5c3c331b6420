import { describe, expect, it } from "vitest";
import { parseChapterMarkers } from "@/lib/authoring/chapter-markers";

describe("parseChapterMarkers", () => {
  it("reads YouTube's chapter markers, m:ss and h:mm:ss, skipping blank lines", () => {
    const result = parseChapterMarkers(
      "0:00 Introduction\n1:00 Pretraining data (internet)\n\n1:02:03 - Late chapter\n",
    );
    expect(result).toEqual({
      ok: true,
      chapters: [
        { number: 1, title: "Introduction", start: "0:00", startSeconds: 0 },
        { number: 2, title: "Pretraining data (internet)", start: "1:00", startSeconds: 60 },
        { number: 3, title: "Late chapter", start: "1:02:03", startSeconds: 3723 },
      ],
    });
  });

  it("names every bad line by its number and returns no chapters", () => {
    const result = parseChapterMarkers("0:00 Intro\nno time here\n0:30\n0:00 Same time again\n1:75 Bad seconds");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(result.problems[1]?.message).toContain("no title");
    expect(result.problems[2]?.message).toContain("not later");
    // The interface says each in its own language from the code and values.
    expect(result.problems.map(({ code, values }) => ({ code, values }))).toEqual([
      { code: "markerNoTime", values: { text: "no time here" } },
      { code: "markerNoTitle", values: { stamp: "0:30" } },
      { code: "markerNotLater", values: { stamp: "0:00" } },
      { code: "markerNoTime", values: { text: "1:75 Bad seconds" } },
    ]);
  });

  it("refuses an empty paste and more than 99 chapters", () => {
    expect(parseChapterMarkers("  \n").ok).toBe(false);
    const many = Array.from({ length: 100 }, (_, i) => `${i}:00 Chapter ${i}`).join("\n");
    const result = parseChapterMarkers(many);
    expect(result.ok).toBe(false);
  });
});
