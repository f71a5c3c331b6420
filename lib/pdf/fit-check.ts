import { pdfBrowser } from "./browser";
import { chapterPrintPath } from "./print-urls";
import { waitForReadySheets } from "./ready";
import { DEFAULT_READY_TIMEOUT_MS } from "./render";

export interface FitReport {
  /** Sections whose text does not fit even at the 7 pt floor (SheetFrame marks them data-overflow). */
  overflowing: string[];
  /** Diagrams whose smallest text prints under 6 pt (data-diagram-warning), by diagram key. */
  smallText: { key: string; warning: string }[];
}

/** How a printed sheet fits, as the sheet itself measured it. Needs the app running at `origin`. */
export function sheetFit(origin: string, course: string, chapter: number): Promise<FitReport> {
  return pdfBrowser().withPage(async (page) => {
    const url = origin + chapterPrintPath(course, chapter);
    await page.goto(url);
    await waitForReadySheets(page, { url, sheets: 1, timeoutMs: DEFAULT_READY_TIMEOUT_MS });
    const overflowing = await page.$$eval("[data-section][data-overflow]", (sections) =>
      sections.map((s) => (s as HTMLElement).dataset.section ?? ""),
    );
    const smallText = await page.$$eval("[data-mermaid][data-diagram-warning]", (figures) =>
      figures.map((f) => ({
        key: (f as HTMLElement).dataset.mermaid ?? "",
        warning: (f as HTMLElement).dataset.diagramWarning ?? "",
      })),
    );
    return { overflowing, smallText };
  });
}
