import { describe, expect, it } from "vitest";
import { chapterStartPages, FRONT_PAGES } from "@/lib/pdf/booklet-plan";
import { bookletPdfFileName, chapterPdfFileName, pdfContentDisposition } from "@/lib/pdf/file-names";
import { chapterPrintPath, coursePrintPath, parseCoursePrintQuery } from "@/lib/pdf/print-urls";
import { parsePdfQuery } from "@/lib/pdf/responses";
import { printOrigin } from "@/lib/pdf/documents";

describe("booklet plan", () => {
  it("numbers each chapter's first page after the cover and contents", () => {
    expect(chapterStartPages(FRONT_PAGES, [1, 1, 1])).toEqual([3, 4, 5]);
    // With notes a chapter takes its sheet and its notes pages; a two-page contents moves all on.
    expect(chapterStartPages(3, [1, 3, 2, 1])).toEqual([4, 5, 8, 10]);
  });
});

describe("file names", () => {
  it("names a chapter PDF after the course and the chapter folder", () => {
    expect(chapterPdfFileName("deep-dive-llms", { slug: "08-llama-3-1-base-model-inference" })).toBe(
      "deep-dive-llms-08-llama-3-1-base-model-inference.pdf",
    );
    expect(chapterPdfFileName("deep-dive-llms", { slug: "08-llama" }, { notes: true })).toBe(
      "deep-dive-llms-08-llama-with-notes.pdf",
    );
    expect(bookletPdfFileName("deep-dive-llms")).toBe("deep-dive-llms.pdf");
    expect(bookletPdfFileName("deep-dive-llms", { notes: true })).toBe("deep-dive-llms-with-notes.pdf");
  });

  it("keeps any file name intact in Content-Disposition", () => {
    expect(pdfContentDisposition("a-b.pdf")).toBe(`inline; filename="a-b.pdf"; filename*=UTF-8''a-b.pdf`);
    expect(pdfContentDisposition('노트 "1".pdf')).toBe(
      `inline; filename="__ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('노트 "1".pdf')}`,
    );
  });
});

describe("print page URLs", () => {
  it("builds and parses the course print query alike", () => {
    const path = coursePrintPath("deep-dive-llms", { part: "sheets", chapters: [1, 2, 3], notes: true });
    expect(path).toBe("/courses/deep-dive-llms/print?part=sheets&chapters=1%2C2%2C3&notes=1");
    const query = Object.fromEntries(new URL(path, "http://x").searchParams);
    expect(parseCoursePrintQuery(query)).toEqual({
      part: "sheets",
      notes: true,
      quiz: false,
      chapters: [1, 2, 3],
      pages: undefined,
    });
    const quiz = coursePrintPath("c", { part: "sheets", chapters: [2], quiz: true });
    expect(quiz).toBe("/courses/c/print?part=sheets&chapters=2&quiz=1");
    expect(parseCoursePrintQuery(Object.fromEntries(new URL(quiz, "http://x").searchParams)).quiz).toBe(true);
    expect(coursePrintPath("c", { part: "front", pages: [3, 4] })).toBe("/courses/c/print?part=front&pages=3%2C4");
    expect(chapterPrintPath("c", 8, { notes: true })).toBe("/courses/c/8/print?notes=1");
    expect(chapterPrintPath("c", 8, { quiz: true })).toBe("/courses/c/8/print?quiz=1");
  });

  it("falls back to the whole course for a malformed query", () => {
    expect(parseCoursePrintQuery({ part: "cover", chapters: "1,x", pages: ["3,4", "9"], notes: "yes" })).toEqual({
      part: "all",
      notes: false,
      quiz: false,
      chapters: undefined,
      pages: [3, 4],
    });
  });
});

describe("PDF route query", () => {
  it("accepts notes=0|1 and a job id, and names the field at fault otherwise", async () => {
    expect(parsePdfQuery("http://x/api/pdf/c/8")).toEqual({ ok: true, notes: false, quiz: false, job: undefined });
    expect(parsePdfQuery("http://x/api/pdf/c/8?notes=1")).toEqual({
      ok: true,
      notes: true,
      quiz: false,
      job: undefined,
    });
    expect(parsePdfQuery("http://x/api/pdf/c/8?quiz=1")).toEqual({
      ok: true,
      notes: false,
      quiz: true,
      job: undefined,
    });
    const bad = parsePdfQuery("http://x/api/pdf/c/8?notes=yes");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.response.status).toBe(400);
    expect(await bad.response.json()).toMatchObject({ field: "notes" });
    const badJob = parsePdfQuery("http://x/api/pdf/c?job=123");
    expect(badJob.ok ? 0 : badJob.response.status).toBe(400);
  });

  it("prints through 127.0.0.1 whatever host the request named", () => {
    expect(printOrigin("http://localhost:3210/api/pdf/c/8")).toBe("http://127.0.0.1:3210");
    expect(printOrigin("http://evil.example:4000/api/pdf/c/8")).toBe("http://127.0.0.1:4000");
  });
});
