import type { Page } from "playwright-core";
import { errors as playwrightErrors } from "./playwright";
import { pdfBrowser } from "./browser";
import { PageNotReadyError, PrintPageError } from "./errors";
import { waitForReadySheets } from "./ready";

/** `next dev` compiles a print page on its first visit, which alone can take many seconds. */
export const DEFAULT_READY_TIMEOUT_MS = process.env.NODE_ENV === "development" ? 60_000 : 20_000;
const PROGRESS_INTERVAL_MS = 200;

export interface RenderOptions {
  /** How long the page may take to load and become ready (fonts, diagrams, text fitted). */
  timeoutMs?: number;
  /** How many sheets the page shows; 0 for a page without a sheet (the booklet's cover). */
  sheets?: number;
  /** Told how many of the page's sheets are ready, while it settles. */
  onSheetsReady?: (ready: number) => void;
  /** The interface language of the printed chrome (the notes pages' headings): sent as Accept-Language. */
  locale?: string;
}

/**
 * Called as a PDF request arrives, before its sheets are loaded: a Chromium that is not running
 * starts launching meanwhile (on the other core) instead of after.
 */
export function preparePrinting(): void {
  pdfBrowser().prepare();
}

/** The print page at `url` as a PDF, once every sheet on it is ready. Uses the server's one browser. */
export function renderPdf(url: string, options: RenderOptions = {}): Promise<Uint8Array> {
  return pdfBrowser().withPage((page) => printPage(page, url, options));
}

/** Opens `url` in `page`, waits until it is ready, prints it to A4 with backgrounds on. */
export async function printPage(page: Page, url: string, options: RenderOptions = {}): Promise<Uint8Array> {
  // Pages are reused across requests: always set the header, so one user's language never leaks to the next.
  await page.setExtraHTTPHeaders(options.locale ? { "accept-language": options.locale } : {});
  // Laid out for print from the start: page.pdf then has no switch from screen to print styles to
  // make (a new style and layout of every sheet, 2.3 → 1.5 s of the booklet's printing; the pages
  // print the same to the pixel). Put back after, for the next task on this page (thumbnails).
  await page.emulateMedia({ media: "print" });
  try {
    return await printReadyPage(page, url, options);
  } finally {
    await page.emulateMedia({ media: null }).catch(() => undefined);
  }
}

async function printReadyPage(page: Page, url: string, options: RenderOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const sheets = options.sheets ?? 1;
  const deadline = Date.now() + timeoutMs;
  const response = await page
    .goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs })
    .catch((error: unknown) => {
      if (error instanceof playwrightErrors.TimeoutError)
        throw new PageNotReadyError(`the print page ${url} did not load within ${timeoutMs / 1000} s`);
      throw error;
    });
  if (!response?.ok()) throw new PrintPageError(`the print page ${url} answered ${response?.status() ?? "nothing"}`);

  const stopProgress = options.onSheetsReady ? reportSheetsReady(page, options.onSheetsReady) : () => undefined;
  try {
    await waitForReadySheets(page, { url, sheets, timeoutMs, deadline });
  } finally {
    stopProgress();
  }
  options.onSheetsReady?.(sheets);
  // page.pdf has no timeout of its own: a Chromium stuck printing must not hang the request.
  const printing = page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PageNotReadyError(`printing ${url} took over ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    const pdf = await Promise.race([printing, stuck]);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    clearTimeout(timer);
    printing.catch(() => undefined); // settles after the page is closed when it lost the race
  }
}

function reportSheetsReady(page: Page, report: (ready: number) => void): () => void {
  let last = -1;
  const timer = setInterval(() => {
    page
      .evaluate(() => document.querySelectorAll("[data-sheet][data-ready=true]").length)
      .then((ready) => {
        if (ready !== last) report((last = ready));
      })
      .catch(() => undefined);
  }, PROGRESS_INTERVAL_MS);
  return () => clearInterval(timer);
}
