import { errors as playwrightErrors, type Page } from "playwright-core";
import { pdfBrowser } from "./browser";
import { PageNotReadyError, PrintPageError } from "./errors";

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

/** What a page that never became ready was still waiting for, read from the page itself. */
export interface PendingState {
  sheets: { label: string; ready: boolean }[];
  diagrams: { key: string; line: string; sheet: string }[];
  fonts: { family: string; weight: string; status: string }[];
}

/** The print page at `url` as a PDF, once every sheet on it is ready. Uses the server's one browser. */
export function renderPdf(url: string, options: RenderOptions = {}): Promise<Uint8Array> {
  return pdfBrowser().withPage((page) => printPage(page, url, options));
}

/** Opens `url` in `page`, waits until it is ready, prints it to A4 with backgrounds on. */
export async function printPage(page: Page, url: string, options: RenderOptions = {}): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const sheets = options.sheets ?? 1;
  const deadline = Date.now() + timeoutMs;
  // Pages are reused across requests: always set the header, so one user's language never leaks to the next.
  await page.setExtraHTTPHeaders(options.locale ? { "accept-language": options.locale } : {});
  const response = await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs }).catch((error: unknown) => {
    if (error instanceof playwrightErrors.TimeoutError) throw new PageNotReadyError(`the print page ${url} did not load within ${timeoutMs / 1000} s`);
    throw error;
  });
  if (!response?.ok()) throw new PrintPageError(`the print page ${url} answered ${response?.status() ?? "nothing"}`);

  const stopProgress = options.onSheetsReady ? reportSheetsReady(page, options.onSheetsReady) : () => undefined;
  try {
    await page.waitForFunction(
      (expected) => {
        const found = document.querySelectorAll<HTMLElement>("[data-sheet]");
        return document.fonts.status === "loaded" && found.length === expected && [...found].every((sheet) => sheet.dataset.ready === "true");
      },
      sheets,
      { timeout: Math.max(1, deadline - Date.now()) },
    );
  } catch (error) {
    if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
    const state = await pendingState(page).catch(() => null);
    throw new PageNotReadyError(notReadyMessage(url, timeoutMs, sheets, state));
  } finally {
    stopProgress();
  }
  options.onSheetsReady?.(sheets);
  // page.pdf has no timeout of its own: a Chromium stuck printing must not hang the request.
  const printing = page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageNotReadyError(`printing ${url} took over ${timeoutMs / 1000} s`)), timeoutMs);
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

function pendingState(page: Page): Promise<PendingState> {
  return page.evaluate((): PendingState => {
    const fonts: PendingState["fonts"] = [];
    document.fonts.forEach((font) => {
      if (font.status === "loading" || font.status === "error") fonts.push({ family: font.family.replace(/^["']|["']$/g, ""), weight: font.weight, status: font.status });
    });
    return {
      sheets: [...document.querySelectorAll<HTMLElement>("[data-sheet]")].map((sheet) => ({ label: sheet.getAttribute("aria-label") ?? "", ready: sheet.dataset.ready === "true" })),
      diagrams: [...document.querySelectorAll<HTMLElement>("[data-mermaid]")]
        .filter((diagram) => diagram.dataset.state !== "rendered" && diagram.dataset.state !== "error")
        .map((diagram) => ({
          key: diagram.dataset.mermaid ?? "",
          line: diagram.dataset.sourceLine ?? "",
          sheet: diagram.closest("[data-sheet]")?.getAttribute("aria-label") ?? "",
        })),
      fonts,
    };
  });
}

/** One sentence naming what did not load, so whoever reads the 504 knows where to look. */
export function notReadyMessage(url: string, timeoutMs: number, expectedSheets: number, state: PendingState | null): string {
  const head = `the print page ${url} was not ready after ${timeoutMs / 1000} s`;
  if (!state) return `${head} (the page could not be inspected)`;
  const reasons: string[] = [];
  for (const diagram of state.diagrams) {
    const where = [diagram.line ? `sheet line ${diagram.line}` : "", diagram.sheet ? `in "${diagram.sheet}"` : ""].filter(Boolean).join(" ");
    reasons.push(`diagram "${diagram.key}"${where ? ` (${where})` : ""} did not render`);
  }
  for (const font of state.fonts) {
    reasons.push(`font "${font.family}" ${font.weight} ${font.status === "error" ? "failed to load" : "did not finish loading"}`);
  }
  if (state.sheets.length !== expectedSheets) {
    reasons.push(`it shows ${state.sheets.length} sheet${state.sheets.length === 1 ? "" : "s"} where ${expectedSheets} ${expectedSheets === 1 ? "was" : "were"} expected`);
  }
  if (reasons.length === 0) {
    const waiting = state.sheets.filter((sheet) => !sheet.ready).map((sheet) => `"${sheet.label}"`);
    reasons.push(waiting.length > 0 ? `${waiting.join(", ")} did not finish fitting its text` : "the fonts did not finish loading");
  }
  return `${head}: ${reasons.join("; ")}`;
}
