import { pdfBrowser } from "./browser";
import { chapterPrintPath } from "./print-urls";
import { DEFAULT_READY_TIMEOUT_MS } from "./render";

/**
 * The sections of a printed sheet whose text does not fit even at the floor size, as the sheet
 * itself measured them (SheetFrame marks them data-overflow). Needs the app running at `origin`.
 */
export function sectionsThatDoNotFit(origin: string, course: string, chapter: number): Promise<string[]> {
  return pdfBrowser().withPage(async (page) => {
    await page.goto(origin + chapterPrintPath(course, chapter));
    await page.waitForSelector("[data-sheet][data-ready=true]", { timeout: DEFAULT_READY_TIMEOUT_MS });
    return page.$$eval("[data-section][data-overflow]", (sections) => sections.map((s) => (s as HTMLElement).dataset.section ?? ""));
  });
}
