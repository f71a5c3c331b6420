import { describe, expect, it } from "vitest";
import type { ChapterEntry, Course } from "@/lib/content/course";
import { courseProgress } from "@/lib/library/progress";
import { plainExcerpt, timeAgo } from "@/lib/library/text";

function chapter(number: number, hasSheet = true): ChapterEntry {
  return { number, title: `Chapter ${number}`, slug: `0${number}-chapter`, dir: null, hasSheet, hasSource: false };
}

const course: Course = {
  id: "c",
  title: "C",
  author: "A",
  sourceUrl: "https://example.com",
  dir: "/tmp/c",
  chapters: [chapter(1), chapter(2), chapter(3, false), chapter(4)],
};

describe("courseProgress", () => {
  it("counts done and studying chapters of this course only and finds the last one visited", () => {
    const progress = courseProgress(course, [
      { course: "c", chapter: 1, status: "done", lastVisitedAt: new Date("2026-01-01") },
      { course: "c", chapter: 2, status: "studying", lastVisitedAt: new Date("2026-01-03") },
      { course: "c", chapter: 4, status: "done", lastVisitedAt: null },
      { course: "other", chapter: 3, status: "done", lastVisitedAt: new Date("2026-02-01") },
      { course: "c", chapter: 9, status: "done", lastVisitedAt: new Date("2026-03-01") },
    ]);
    expect(progress).toEqual({
      chapters: 4,
      written: 3,
      broken: 0,
      done: 2,
      studying: 1,
      percent: 50,
      continueWith: { number: 2, title: "Chapter 2", at: new Date("2026-01-03") },
    });
  });

  it("treats an unknown status as not started and rounds the share down", () => {
    const three: Course = { ...course, chapters: [chapter(1), chapter(2), chapter(3)] };
    const progress = courseProgress(three, [
      { course: "c", chapter: 1, status: "done", lastVisitedAt: null },
      { course: "c", chapter: 2, status: "skimmed", lastVisitedAt: null },
    ]);
    expect(progress).toMatchObject({ done: 1, studying: 0, percent: 33 });
    expect(progress.continueWith).toEqual({ number: 2, title: "Chapter 2" });
  });

  it("counts broken chapters apart and never continues to a broken or unwritten chapter", () => {
    const broken = new Map([[2, 3]]);
    const rows = [
      { course: "c", chapter: 1, status: "studying", lastVisitedAt: new Date("2026-01-01") },
      { course: "c", chapter: 2, status: "studying", lastVisitedAt: new Date("2026-01-05") },
      { course: "c", chapter: 3, status: "studying", lastVisitedAt: new Date("2026-01-09") },
    ];
    const progress = courseProgress(course, rows, broken);
    expect(progress).toMatchObject({ written: 2, broken: 1, continueWith: { number: 1, at: new Date("2026-01-01") } });
  });

  it("continues with the first unfinished chapter that has a sheet when none was visited", () => {
    const unwrittenFirst: Course = { ...course, chapters: [chapter(1, false), chapter(2), chapter(3), chapter(4)] };
    const rows = [{ course: "c", chapter: 2, status: "done", lastVisitedAt: null }];
    expect(courseProgress(unwrittenFirst, rows, new Map([[3, 1]])).continueWith).toEqual({
      number: 4,
      title: "Chapter 4",
    });
    expect(courseProgress({ ...course, chapters: [chapter(1, false)] }, []).continueWith).toBeUndefined();
  });
});

describe("plainExcerpt", () => {
  it("drops markdown syntax and cuts at a word", () => {
    expect(plainExcerpt("# Title\n\n- **bold** and `code` with [a link](https://x.y)\n> quoted")).toBe(
      "Title bold and code with a link quoted",
    );
    expect(plainExcerpt("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  it("says how long ago in words", () => {
    expect(timeAgo(new Date("2026-05-10T11:59:30Z"), now, "en")).toBe("now");
    expect(timeAgo(new Date("2026-05-10T09:00:00Z"), now, "en")).toBe("3 hours ago");
    expect(timeAgo(new Date("2026-05-09T12:00:00Z"), now, "en")).toBe("yesterday");
    expect(timeAgo(new Date("2026-05-10T11:59:30Z"), now, "ko")).toBe("지금");
    expect(timeAgo(new Date("2026-05-10T11:59:00Z"), now, "ko")).toBe("1분 전");
    expect(timeAgo(new Date("2026-05-10T09:00:00Z"), now, "ko")).toBe("3시간 전");
    expect(timeAgo(new Date("2026-05-09T12:00:00Z"), now, "ko")).toBe("어제");
  });
});
