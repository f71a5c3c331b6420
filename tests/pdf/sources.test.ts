import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notPrintableResponse } from "@/lib/pdf/responses";
import { chapterToPrint, courseToPrint } from "@/lib/pdf/sources";

const saved = process.env.CONTENT_DIR;
beforeAll(() => {
  process.env.CONTENT_DIR = ["content", "tests/fixtures/content"].join(path.delimiter);
});
afterAll(() => {
  if (saved === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved;
});

describe("what a PDF can print", () => {
  it("finds a written chapter with its compiled sheet", async () => {
    const found = await chapterToPrint("deep-dive-llms", "8");
    expect(found.kind).toBe("printable");
    if (found.kind !== "printable") return;
    expect(found.chapter.entry.slug).toBe("08-llama-3-1-base-model-inference");
    expect(found.chapter.sheet.titleKr).toBe("Llama 3.1 베이스 모델 추론");
  });

  it("answers 404 for an unknown course or chapter, and for a chapter not written yet", async () => {
    for (const [course, chapter, message] of [
      ["nope", "1", 'no chapter "1" in a course "nope"'],
      ["deep-dive-llms", "99", 'no chapter "99"'],
      ["deep-dive-llms", "08", 'no chapter "08"'],
      ["layout-lab", "7", 'chapter 7 of "layout-lab" is not written yet'],
    ] as const) {
      const result = await chapterToPrint(course, chapter);
      expect(result.kind).toBe("not-found");
      if (result.kind === "printable") continue;
      const response = notPrintableResponse(result);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toContain(message);
    }
  });

  it("answers 422 with every error of a broken chapter, file and line first", async () => {
    const result = await chapterToPrint("layout-lab", "5");
    expect(result.kind).toBe("content-errors");
    if (result.kind !== "content-errors") return;
    const response = notPrintableResponse(result);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; errors: { file: string; line: number; text: string }[] };
    expect(body.error).toContain("chapter 5");
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]?.text).toMatch(/05-broken-layout\/sheet\.mdx:\d+/);
  });

  it("prints a course's written chapters in order, skipping the unwritten", async () => {
    const result = await courseToPrint("kitchen-chemistry");
    expect(result.kind).toBe("printable");
    if (result.kind !== "printable") return;
    const written = result.course.chapters.filter((chapter) => chapter.hasSheet).map((chapter) => chapter.number);
    expect(result.chapters.map((chapter) => chapter.entry.number)).toEqual(written);
    expect(written.length).toBeLessThan(result.course.chapters.length);
  });

  it("refuses a booklet of a course with broken chapters, naming them", async () => {
    const result = await courseToPrint("layout-lab");
    expect(result.kind).toBe("content-errors");
    if (result.kind !== "content-errors") return;
    expect(result.error).toBe("chapters 5, 6 have content errors: fix them to print the course");
    expect(new Set(result.errors.map((error) => error.file.split("/").at(-2)))).toEqual(
      new Set(["05-broken-layout", "06-broken-mdx"]),
    );
  });
});
