import type { Course } from "@/lib/content/course";
import {
  assembleBooklet,
  finishWholeBooklet,
  loadPart,
  loadPrintedPdf,
  type BookletMeta,
  type LoadedPart,
} from "./booklet-assembly";
import { chapterStartPages, FRONT_PAGES } from "./booklet-plan";
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

export function chapterPdf(
  origin: string,
  course: Course,
  chapter: PrintableChapter,
  options: { notes?: boolean; quiz?: boolean; timeoutMs?: number; locale?: string } = {},
): Promise<Uint8Array> {
  const path = chapterPrintPath(course.id, chapter.entry.number, { notes: options.notes, quiz: options.quiz });
  return renderPdf(origin + path, { sheets: 1, timeoutMs: options.timeoutMs, locale: options.locale });
}

export interface BookletProgress {
  phase: "sheets" | "assembling";
  /** Sheets ready so far. */
  done: number;
  total: number;
}

export interface BookletOptions {
  notes?: boolean;
  /** Every card's answer blanked: a quiz booklet. */
  quiz?: boolean;
  /** The interface language of the printed cover, contents and notes pages. */
  locale?: string;
  /** The bookmark under a chapter that opens its notes pages, in that language. */
  notesBookmark?: string;
  onProgress?: (progress: BookletProgress) => void;
}

/**
 * The course as one PDF: cover, contents with page numbers, every chapter's sheet (and notes),
 * bookmarks and page numbers.
 *
 * Without notes every chapter is exactly one page, so the whole course print page (cover,
 * contents with page numbers known in advance, every sheet) is printed by one page.pdf: one page
 * load, the app's scripts and fonts fetched once, nothing copied between PDFs. With notes a
 * chapter's page count is known only once it is printed, so each chapter is printed on its own and
 * the contents last.
 */
export async function bookletPdf(
  origin: string,
  course: Course,
  chapters: readonly PrintableChapter[],
  options: BookletOptions = {},
): Promise<Uint8Array> {
  const total = chapters.length;
  const run: BookletRun = {
    origin,
    course,
    chapters,
    meta: { title: course.title, author: course.author, notesBookmark: options.notesBookmark },
    report: (phase, done) => options.onProgress?.({ phase, done, total }),
    quiz: options.quiz ?? false,
    locale: options.locale,
  };
  run.report("sheets", 0);
  return options.notes ? bookletWithNotes(run) : wholeBooklet(run);
}

/** One booklet being printed: what, where from, how (answers blanked or not, in which language). */
interface BookletRun {
  origin: string;
  course: Course;
  chapters: readonly PrintableChapter[];
  meta: BookletMeta;
  report: (phase: BookletProgress["phase"], done: number) => void;
  quiz: boolean;
  locale: string | undefined;
}

async function wholeBooklet({ origin, course, chapters, meta, report, quiz, locale }: BookletRun): Promise<Uint8Array> {
  const ones = chapters.map(() => 1);
  const print = async (frontPages: number) => {
    const url = origin + coursePrintPath(course.id, { pages: chapterStartPages(frontPages, ones), quiz });
    const pdf = await renderPdf(url, {
      sheets: chapters.length,
      locale,
      timeoutMs: DEFAULT_READY_TIMEOUT_MS + chapters.length * TIMEOUT_PER_SHEET_MS,
      onSheetsReady: (ready) => report("sheets", ready),
    });
    return loadPrintedPdf(pdf);
  };
  let frontPages = FRONT_PAGES;
  let doc = await print(frontPages);
  // A contents longer than one page moves every chapter on: print again with the right numbers.
  for (let attempt = 1; doc.getPageCount() - chapters.length !== frontPages && attempt < FRONT_ATTEMPTS; attempt++) {
    frontPages = Math.max(FRONT_PAGES, doc.getPageCount() - chapters.length);
    doc = await print(frontPages);
  }
  report("assembling", chapters.length);
  return finishWholeBooklet(meta, doc, chapters.map(printedTitle), frontPages);
}

async function bookletWithNotes({
  origin,
  course,
  chapters,
  meta,
  report,
  quiz,
  locale,
}: BookletRun): Promise<Uint8Array> {
  const ready = chapters.map(() => 0);
  const parts: LoadedPart[] = await Promise.all(
    chapters.map(async (chapter, index) => {
      const pdf = await renderPdf(origin + chapterPrintPath(course.id, chapter.entry.number, { notes: true, quiz }), {
        sheets: 1,
        locale,
        timeoutMs: DEFAULT_READY_TIMEOUT_MS + TIMEOUT_PER_SHEET_MS,
        onSheetsReady: (count) => {
          ready[index] = count;
          report(
            "sheets",
            ready.reduce((sum, value) => sum + value, 0),
          );
        },
      });
      return loadPart(pdf, printedTitle(chapter));
    }),
  );
  report("assembling", chapters.length);
  const pageCounts = parts.map((part) => part.doc.getPageCount());
  const printFront = async (frontPages: number) =>
    loadPrintedPdf(
      await renderPdf(
        origin + coursePrintPath(course.id, { part: "front", pages: chapterStartPages(frontPages, pageCounts) }),
        { sheets: 0, locale },
      ),
    );
  let frontPages = FRONT_PAGES;
  let front = await printFront(frontPages);
  for (let attempt = 1; front.getPageCount() !== frontPages && attempt < FRONT_ATTEMPTS; attempt++) {
    frontPages = front.getPageCount();
    front = await printFront(frontPages);
  }
  return assembleBooklet(meta, front, parts);
}
