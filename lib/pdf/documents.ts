import { PDFDocument } from "pdf-lib";
import type { Course } from "@/lib/content/course";
import { assembleBooklet, loadPart, type LoadedPart } from "./booklet-assembly";
import { chapterStartPages, FRONT_PAGES, splitIntoRuns } from "./booklet-plan";
import { pdfBrowser } from "./browser";
import { chapterPrintPath, coursePrintPath } from "./print-urls";
import { DEFAULT_READY_TIMEOUT_MS, renderPdf } from "./render";
import { printedTitle, type PrintableChapter } from "./sources";

/** Extra time a booklet run gets for each sheet it prints. */
const TIMEOUT_PER_SHEET_MS = 2_000;
/** Attempts at printing the contents when it turns out longer than the pages allowed for it. */
const FRONT_ATTEMPTS = 3;

/**
 * The server prints its own pages, always through 127.0.0.1 (the app listens only there, and a
 * request's Host header must not send the browser elsewhere): only the port is taken from the
 * request, else from PORT, else Next's default.
 */
export function printOrigin(requestUrl: string): string {
  return `http://127.0.0.1:${new URL(requestUrl).port || process.env.PORT || "3000"}`;
}

export function chapterPdf(origin: string, course: Course, chapter: PrintableChapter, options: { notes?: boolean; timeoutMs?: number; locale?: string } = {}): Promise<Uint8Array> {
  return renderPdf(origin + chapterPrintPath(course.id, chapter.entry.number, { notes: options.notes }), { sheets: 1, timeoutMs: options.timeoutMs, locale: options.locale });
}

export interface BookletProgress {
  phase: "sheets" | "assembling";
  /** Sheets ready so far. */
  done: number;
  total: number;
}

export interface BookletOptions {
  notes?: boolean;
  /** The interface language of the printed notes pages. */
  locale?: string;
  onProgress?: (progress: BookletProgress) => void;
}

/**
 * The course as one PDF: cover, contents with page numbers, every chapter's sheet (and notes),
 * bookmarks and page numbers.
 *
 * Without notes every chapter is exactly one page, so the sheets are printed in a few long runs (one
 * per browser page, side by side) while the contents is printed with page numbers known in advance.
 * With notes a chapter's page count is known only once it is printed, so each chapter is printed on
 * its own and the contents last.
 */
export async function bookletPdf(origin: string, course: Course, chapters: readonly PrintableChapter[], options: BookletOptions = {}): Promise<Uint8Array> {
  const notes = options.notes ?? false;
  const total = chapters.length;
  const runs = notes ? chapters.map((chapter) => [chapter]) : splitIntoRuns(chapters, pdfBrowser().pageLimit);
  const readyInRun = runs.map(() => 0);
  const report = (phase: BookletProgress["phase"]) => {
    options.onProgress?.({ phase, done: readyInRun.reduce((sum, ready) => sum + ready, 0), total });
  };
  const printFront = (startPages: number[]) => renderPdf(origin + coursePrintPath(course.id, { part: "front", pages: startPages }), { sheets: 0, locale: options.locale });
  const printRun = (run: PrintableChapter[], index: number) =>
    renderPdf(
      origin +
        (notes
          ? chapterPrintPath(course.id, run[0].entry.number, { notes: true })
          : coursePrintPath(course.id, { part: "sheets", chapters: run.map((chapter) => chapter.entry.number) })),
      {
        sheets: run.length,
        locale: options.locale,
        timeoutMs: DEFAULT_READY_TIMEOUT_MS + run.length * TIMEOUT_PER_SHEET_MS,
        onSheetsReady: (ready) => {
          readyInRun[index] = ready;
          report("sheets");
        },
      },
    );

  report("sheets");
  // The front goes first in the queue: it is short, and then the runs share the browser's pages.
  const [frontPdf, ...runPdfs] = await Promise.all([
    notes ? null : printFront(chapterStartPages(FRONT_PAGES, chapters.map(() => 1))),
    ...runs.map(printRun),
  ]);
  report("assembling");
  const parts: LoadedPart[] = await Promise.all(runPdfs.map((pdf, index) => loadPart({ pdf, chapters: runs[index].map(printedTitle) })));
  const pageCounts = parts.flatMap((part) => part.pageCounts);

  let frontPages = FRONT_PAGES;
  let front = await PDFDocument.load(frontPdf ?? (await printFront(chapterStartPages(frontPages, pageCounts))), { updateMetadata: false });
  // A contents longer than one page moves every chapter on: print it again with the right numbers.
  for (let attempt = 1; front.getPageCount() !== frontPages && attempt < FRONT_ATTEMPTS; attempt++) {
    frontPages = front.getPageCount();
    front = await PDFDocument.load(await printFront(chapterStartPages(frontPages, pageCounts)), { updateMetadata: false });
  }
  return assembleBooklet({ title: course.title, author: course.author, notes }, front, parts);
}
