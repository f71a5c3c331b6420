import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { assembleBooklet, finishWholeBooklet, loadPart } from "@/lib/pdf/booklet-assembly";
import { PrintPageError } from "@/lib/pdf/errors";
import { setOutline } from "@/lib/pdf/outline";
import type { PrintedTitle } from "@/lib/pdf/sources";
import { readPdf } from "./pdf-reader";

const A4: [number, number] = [595.28, 841.89];

async function blankPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let index = 0; index < pages; index++) doc.addPage(A4);
  return doc.save();
}

const chapter = (number: number, titleKr?: string): PrintedTitle => ({ number, title: `Chapter ${number}`, titleKr });

describe("outline", () => {
  it("writes nested bookmarks that a PDF reader opens at their pages, Korean titles included", async () => {
    const doc = await PDFDocument.load(await blankPdf(4));
    setOutline(doc, [
      { title: "1. Introduction · 소개", pageIndex: 0 },
      { title: "2. Tokenization · 토큰화", pageIndex: 1, children: [{ title: "Notes", pageIndex: 2 }] },
      { title: "3. End", pageIndex: 3 },
    ]);
    const read = await readPdf(await doc.save());
    expect(read.outline).toEqual([
      { title: "1. Introduction · 소개", pageIndex: 0, children: [] },
      { title: "2. Tokenization · 토큰화", pageIndex: 1, children: [{ title: "Notes", pageIndex: 2, children: [] }] },
      { title: "3. End", pageIndex: 3, children: [] },
    ]);
  });

  it("refuses a bookmark to a page the document does not have", async () => {
    const doc = await PDFDocument.load(await blankPdf(1));
    expect(() => setOutline(doc, [{ title: "x", pageIndex: 3 }])).toThrow(/page 4 of 1/);
  });
});

describe("booklet assembly", () => {
  it("finishes a booklet printed as one document: bookmarks each sheet's page and numbers the pages", async () => {
    const doc = await PDFDocument.load(await blankPdf(5));
    const read = await readPdf(
      await finishWholeBooklet(
        { title: "Course", author: "Author" },
        doc,
        [chapter(1, "소개"), chapter(2), chapter(3)],
        2,
      ),
    );
    expect(read.pages).toHaveLength(5);
    expect(read.title).toBe("Course");
    expect(read.author).toBe("Author");
    expect(read.outline.map(({ title, pageIndex }) => [title, pageIndex])).toEqual([
      ["1. Chapter 1 · 소개", 2],
      ["2. Chapter 2", 3],
      ["3. Chapter 3", 4],
    ]);
    // Every page but the cover carries its number.
    expect(read.pages.map((page) => page.text)).toEqual(["", "2", "3", "4", "5"]);
  });

  it("fails clearly when the one document has more pages than front pages and sheets", async () => {
    const doc = await PDFDocument.load(await blankPdf(6));
    const finishing = finishWholeBooklet(
      { title: "Course", author: "Author" },
      doc,
      [chapter(1), chapter(2), chapter(3)],
      2,
    );
    await expect(finishing).rejects.toThrow(PrintPageError);
    await expect(
      finishWholeBooklet({ title: "C", author: "A" }, await PDFDocument.load(await blankPdf(6)), [chapter(1)], 2),
    ).rejects.toThrow(/printed on 6 pages instead of 3/);
  });

  it("puts the front, then every chapter printed with its notes, and bookmarks the notes pages under it", async () => {
    const front = await PDFDocument.load(await blankPdf(2));
    const parts = [await loadPart(await blankPdf(3), chapter(1)), await loadPart(await blankPdf(1), chapter(2))];
    const read = await readPdf(await assembleBooklet({ title: "Course", author: "Author" }, front, parts));
    expect(read.pages.map((page) => page.text)).toEqual(["", "2", "3", "4", "5", "6"]);
    expect(read.outline).toEqual([
      { title: "1. Chapter 1", pageIndex: 2, children: [{ title: "Notes", pageIndex: 3, children: [] }] },
      { title: "2. Chapter 2", pageIndex: 5, children: [] },
    ]);
  });
});
