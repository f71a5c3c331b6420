import { CHROMIUM_INSTALL_HINT } from "@/lib/chromium";

/** A PDF that could not be made, with the HTTP status that tells the caller why. */
export class PdfError extends Error {
  constructor(
    message: string,
    readonly status: 500 | 503 | 504,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Chromium is not installed where chromiumPath() points. */
export class ChromiumMissingError extends PdfError {
  readonly install = CHROMIUM_INSTALL_HINT;
  constructor(message: string) {
    super(message, 503);
  }
}

/** Too many PDFs are already waiting for the browser: try again shortly. */
export class PdfBusyError extends PdfError {
  constructor(queued: number) {
    super(`the PDF queue is full (${queued} waiting): try again in a few seconds`, 503);
  }
}

/** The print page never set data-ready: names the diagrams and fonts that did not load. */
export class PageNotReadyError extends PdfError {
  constructor(message: string) {
    super(message, 504);
  }
}

/** The print page itself failed (an HTTP error, a crash) or printed the wrong number of pages. */
export class PrintPageError extends PdfError {
  constructor(message: string) {
    super(message, 500);
  }
}

/** What an API answers for a failed PDF: its status, the message, and how to install Chromium when that is what is missing. */
export interface PdfFailure {
  status: number;
  error: string;
  install?: string;
}

export function pdfFailure(error: unknown): PdfFailure {
  if (error instanceof ChromiumMissingError)
    return { status: error.status, error: error.message, install: error.install };
  if (error instanceof PdfError) return { status: error.status, error: error.message };
  return { status: 500, error: `the PDF could not be made: ${error instanceof Error ? error.message : String(error)}` };
}
