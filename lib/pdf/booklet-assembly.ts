import { ParseSpeeds, PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { PrintPageError } from "./errors";
import { setOutline, type OutlineEntry } from "./outline";
import type { PrintedTitle } from "./sources";

/** A chapter printed on its own for the booklet with notes: its sheet, then its notes pages. */
export interface LoadedPart {
  doc: PDFDocument;
  chapter: PrintedTitle;
}

export interface BookletMeta {
  title: string;
  author: string;
  /** The bookmark of a chapter's notes pages, in the language the booklet was asked for. */
  notesBookmark?: string;
}

const PAGE_NUMBER_SIZE = 8;
/** Baseline of the page number above the bottom edge: inside the sheet's 7 mm bottom margin. */
const PAGE_NUMBER_BASELINE = 9;

/**
 * How many PDF objects pdf-lib parses or writes before it yields to the event loop. Its defaults
 * (100 and 50) yield with a `setTimeout(0)`, at least 1 ms in Node, some 65 times for a booklet's
 * 2,200 objects: half of its 150 ms there. A booklet now yields twice each way, for ~25 ms at a time.
 */
const OBJECTS_PER_TICK = ParseSpeeds.Fast;

/** A PDF Chromium printed, opened to be finished (bookmarks, page numbers) or copied from. */
export function loadPrintedPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
}

export async function loadPart(pdf: Uint8Array, chapter: PrintedTitle): Promise<LoadedPart> {
  return { doc: await loadPrintedPdf(pdf), chapter };
}

function chapterTitle(chapter: PrintedTitle): string {
  return `${chapter.number}. ${chapter.title}${chapter.titleKr ? ` · ${chapter.titleKr}` : ""}`;
}

/**
 * One PDF: the front pages (cover, contents), then every chapter's pages in order; a bookmark for
 * each chapter (and its notes), page numbers on every page but the cover.
 */
export async function assembleBooklet(
  meta: BookletMeta,
  front: PDFDocument,
  parts: readonly LoadedPart[],
): Promise<Uint8Array> {
  const booklet = await PDFDocument.create();
  for (const page of await booklet.copyPages(front, front.getPageIndices())) booklet.addPage(page);
  const outline: OutlineEntry[] = [];
  for (const part of parts) {
    const pageIndex = booklet.getPageCount();
    for (const page of await booklet.copyPages(part.doc, part.doc.getPageIndices())) booklet.addPage(page);
    const children =
      part.doc.getPageCount() > 1 ? [{ title: meta.notesBookmark ?? "Notes", pageIndex: pageIndex + 1 }] : undefined;
    outline.push({ title: chapterTitle(part.chapter), pageIndex, children });
  }
  return finishBooklet(meta, booklet, outline);
}

/**
 * The booklet printed as one document (cover, contents, then one page a sheet, as the course
 * print page lays it out): bookmarks and page numbers are added in place, nothing is copied.
 */
export async function finishWholeBooklet(
  meta: BookletMeta,
  doc: PDFDocument,
  chapters: readonly PrintedTitle[],
  frontPages: number,
): Promise<Uint8Array> {
  if (doc.getPageCount() !== frontPages + chapters.length) {
    throw new PrintPageError(
      `the booklet printed on ${doc.getPageCount()} pages instead of ${frontPages + chapters.length}: a sheet does not fit its A4 page`,
    );
  }
  return finishBooklet(
    meta,
    doc,
    chapters.map((chapter, index) => ({ title: chapterTitle(chapter), pageIndex: frontPages + index })),
  );
}

async function finishBooklet(meta: BookletMeta, booklet: PDFDocument, outline: OutlineEntry[]): Promise<Uint8Array> {
  booklet.setTitle(meta.title, { showInWindowTitleBar: true });
  booklet.setAuthor(meta.author);
  booklet.setCreator("Study Sheets");
  booklet.setProducer("Study Sheets (Chromium, pdf-lib)");
  setOutline(booklet, outline);
  await stampPageNumbers(booklet, { skipFirst: 1 });
  return booklet.save({ objectsPerTick: OBJECTS_PER_TICK });
}

/** Page numbers, small and grey, centred at the foot of every page after the first `skipFirst`. */
async function stampPageNumbers(doc: PDFDocument, { skipFirst }: { skipFirst: number }): Promise<void> {
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
