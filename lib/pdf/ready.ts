import type { Page } from "playwright-core";
import { errors as playwrightErrors } from "./playwright";
import { PageNotReadyError } from "./errors";

/** What a page that never became ready was still waiting for, read from the page itself. */
interface PendingState {
  sheets: { label: string; ready: boolean }[];
  diagrams: { key: string; line: string; sheet: string }[];
  fonts: { family: string; weight: string; status: string }[];
}

export interface ReadyWait {
  /** The page's address, for the error message. */
  url: string;
  sheets: number;
  /** The time allowed in all, as the error message states it. */
  timeoutMs: number;
  /** When waiting stops, if the page already spent part of `timeoutMs` loading. */
  deadline?: number;
}

/**
 * Waits until the page shows `sheets` sheets, every one `data-ready` (fonts loaded, diagrams drawn,
 * text fitted), and its fonts are loaded: the one rule for "ready to print or photograph" that
 * PDFs, thumbnails and the fit check share. Past `timeoutMs` it throws a PageNotReadyError naming
 * what the page still waits for. `sheets` 0 is a page without a sheet (the booklet's cover).
 */
export async function waitForReadySheets(
  page: Page,
  { url, sheets, timeoutMs, deadline = Date.now() + timeoutMs }: ReadyWait,
): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => {
        const found = document.querySelectorAll<HTMLElement>("[data-sheet]");
        return (
          document.fonts.status === "loaded" &&
          found.length === expected &&
          [...found].every((sheet) => sheet.dataset.ready === "true")
        );
      },
      sheets,
      { timeout: Math.max(1, deadline - Date.now()) },
    );
  } catch (error) {
    if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
    const state = await pendingState(page).catch(() => null);
    throw new PageNotReadyError(notReadyMessage(url, timeoutMs, sheets, state));
  }
}

function pendingState(page: Page): Promise<PendingState> {
  return page.evaluate((): PendingState => {
    const fonts: PendingState["fonts"] = [];
    document.fonts.forEach((font) => {
      if (font.status === "loading" || font.status === "error")
        fonts.push({ family: font.family.replace(/^["']|["']$/g, ""), weight: font.weight, status: font.status });
    });
    return {
      sheets: [...document.querySelectorAll<HTMLElement>("[data-sheet]")].map((sheet) => ({
        label: sheet.getAttribute("aria-label") ?? "",
        ready: sheet.dataset.ready === "true",
      })),
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
function notReadyMessage(url: string, timeoutMs: number, expectedSheets: number, state: PendingState | null): string {
  const head = `the print page ${url} was not ready after ${timeoutMs / 1000} s`;
  if (!state) return `${head} (the page could not be inspected)`;
  const reasons: string[] = [];
  for (const diagram of state.diagrams) {
    const where = [diagram.line ? `sheet line ${diagram.line}` : "", diagram.sheet ? `in "${diagram.sheet}"` : ""]
      .filter(Boolean)
      .join(" ");
    reasons.push(`diagram "${diagram.key}"${where ? ` (${where})` : ""} did not render`);
  }
  for (const font of state.fonts) {
    reasons.push(
      `font "${font.family}" ${font.weight} ${font.status === "error" ? "failed to load" : "did not finish loading"}`,
    );
  }
  if (state.sheets.length !== expectedSheets) {
    reasons.push(
      `it shows ${state.sheets.length} sheet${state.sheets.length === 1 ? "" : "s"} where ${expectedSheets} ${expectedSheets === 1 ? "was" : "were"} expected`,
    );
  }
  if (reasons.length === 0) {
    const waiting = state.sheets.filter((sheet) => !sheet.ready).map((sheet) => `"${sheet.label}"`);
    reasons.push(
      waiting.length > 0 ? `${waiting.join(", ")} did not finish fitting its text` : "the fonts did not finish loading",
    );
  }
  return `${head}: ${reasons.join("; ")}`;
}
