import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { PrintPageError } from "./errors";
import { setOutline, type OutlineEntry } from "./outline";
import type { PrintedTitle } from "./sources";

/**
 * A PDF printed by the browser for the booklet. With one chapter it is that chapter's pages (its
 * sheet, then its notes); with several, one sheet a page, in order.
 */
export interface PrintedPart {
  pdf: Uint8Array;
  chapters: PrintedTitle[];
}

export interface LoadedPart {
  doc: PDFDocument;
  chapters: PrintedTitle[];
  /** Pages of each chapter of the part. */
  pageCounts: number[];
}

export interface BookletMeta {
  title: string;
  author: string;
  notes: boolean;
}

const PAGE_NUMBER_SIZE = 8;
/** Baseline of the page number above the bottom edge: inside the sheet's 7 mm bottom margin. */
const PAGE_NUMBER_BASELINE = 9;

export async function loadPart(part: PrintedPart): Promise<LoadedPart> {
  const doc = await PDFDocument.load(part.pdf, { updateMetadata: false });
  const pages = doc.getPageCount();
  if (part.chapters.length === 1) return { doc, chapters: part.chapters, pageCounts: [pages] };
  if (pages !== part.chapters.length) {
    const numbers = part.chapters.map((chapter) => chapter.number).join(", ");
    throw new PrintPageError(`the sheets of chapters ${numbers} printed on ${pages} pages instead of ${part.chapters.length}: a sheet does not fit its A4 page`);
  }
  return { doc, chapters: part.chapters, pageCounts: part.chapters.map(() => 1) };
}

export function chapterTitle(chapter: PrintedTitle): string {
  return `${chapter.number}. ${chapter.title}${chapter.titleKr ? ` · ${chapter.titleKr}` : ""}`;
}

/**
 * One PDF: the front pages (cover, contents), then every part's pages in order; a bookmark for each
 * chapter (and its notes), page numbers on every page but the cover.
 */
export async function assembleBooklet(meta: BookletMeta, front: PDFDocument, parts: readonly LoadedPart[]): Promise<Uint8Array> {
  const booklet = await PDFDocument.create();
  booklet.setTitle(meta.title, { showInWindowTitleBar: true });
  booklet.setAuthor(meta.author);
  booklet.setCreator("Study Sheets");
  booklet.setProducer("Study Sheets (Chromium, pdf-lib)");

  for (const page of await booklet.copyPages(front, front.getPageIndices())) booklet.addPage(page);
  const outline: OutlineEntry[] = [];
  for (const part of parts) {
    let pageIndex = booklet.getPageCount();
    for (const page of await booklet.copyPages(part.doc, part.doc.getPageIndices())) booklet.addPage(page);
    part.chapters.forEach((chapter, index) => {
      const pages = part.pageCounts[index] ?? 1;
      const children = meta.notes && pages > 1 ? [{ title: "Notes", pageIndex: pageIndex + 1 }] : undefined;
      outline.push({ title: chapterTitle(chapter), pageIndex, children });
      pageIndex += pages;
    });
  }
  setOutline(booklet, outline);
  await stampPageNumbers(booklet, { skipFirst: 1 });
  return booklet.save();
}

/** Page numbers, small and grey, centred at the foot of every page after the first `skipFirst`. */
export async function stampPageNumbers(doc: PDFDocument, { skipFirst }: { skipFirst: number }): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((page, index) => {
    if (index < skipFirst) return;
    const label = String(index + 1);
    const width = font.widthOfTextAtSize(label, PAGE_NUMBER_SIZE);
    page.drawText(label, {
      x: (page.getWidth() - width) / 2,
      y: PAGE_NUMBER_BASELINE,
      size: PAGE_NUMBER_SIZE,
      font,
      color: rgb(0.36, 0.38, 0.44),
    });
  });
}
