import "server-only";
import pLimit, { type LimitFunction } from "p-limit";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumMissingMessage, chromiumPath } from "@/lib/chromium";
import { releaseIdleMemory } from "@/lib/release-idle-memory";
import { A4_VIEWPORT } from "@/lib/sheet-layout/geometry";
import { ChromiumMissingError, PdfBusyError } from "./errors";

export interface PdfBrowserOptions {
  /** Pages printing at once; each is a Chromium renderer, so about one per CPU core. */
  maxPages: number;
  /** Requests allowed to wait for a page; beyond that a request is refused (503) rather than queued. */
  maxQueue: number;
  /**
   * Chromium is closed after this long without a task (it holds hundreds of MB), and launched
   * again on the next one. Default 2 minutes.
   */
  idleCloseMs?: number;
}

const DEFAULT_IDLE_CLOSE_MS = 2 * 60_000;

function launchChromium(): Promise<Browser> {
  const missing = chromiumMissingMessage();
  if (missing) return Promise.reject(new ChromiumMissingError(missing));
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * The one headless Chromium of the server: launched on first use, reused by every request,
 * launched again if it dies. At most `maxPages` pages print at once; other requests wait in
 * arrival order. Pages are kept open between requests, so the app's scripts and fonts stay cached.
 */
export class PdfBrowser {
  private readonly limit: LimitFunction;
  private context: Promise<BrowserContext> | null = null;
  private idlePages: Page[] = [];
  /** Tasks asked for and not yet settled (running or queued). */
  private tasks = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PdfBrowserOptions) {
    this.limit = pLimit(options.maxPages);
  }

  /** How many pages print at once. */
  get pageLimit(): number {
    return this.options.maxPages;
  }

  /** Pages printing now, and requests waiting for one. */
  get load(): { active: number; queued: number } {
    return { active: this.limit.activeCount, queued: this.limit.pendingCount };
  }

  /**
   * Runs `task` on a page of its own once one is free. A page whose task failed is closed, not
   * reused; if Chromium died under the task, the task runs once more on a new Chromium.
   */
  withPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    // Counted from both figures: a burst of calls is all "pending" until p-limit starts the first ones.
    const waiting = this.limit.activeCount + this.limit.pendingCount - this.options.maxPages;
    if (waiting >= this.options.maxQueue) return Promise.reject(new PdfBusyError(waiting));
    this.tasks++;
    this.cancelIdleClose();
    return this.runOnPage(task).finally(() => {
      if (--this.tasks === 0) this.scheduleIdleClose();
    });
  }

  /** Whether Chromium is running (or being launched) now. */
  get isOpen(): boolean {
    return this.context !== null;
  }

  private runOnPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    return this.limit(async () => {
      for (let attempt = 1; ; attempt++) {
        const page = await this.takePage();
        try {
          const result = await task(page);
          this.idlePages.push(page);
          return result;
        } catch (error) {
          const chromiumDied = page.context().browser()?.isConnected() === false;
          await page.close().catch(() => undefined);
          if (!chromiumDied || attempt > 1) throw error;
        }
      }
    });
  }

  private scheduleIdleClose() {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // The printing's garbage goes with Chromium: an idle server would otherwise hold it until it next works.
      // A failure in either only leaves memory held; as an unhandled rejection it would end the server.
      if (this.tasks === 0)
        void this.close()
          .then(releaseIdleMemory)
          .catch(() => undefined);
    }, this.options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS);
    // An idle browser must not keep a script (npm run pdf) from exiting.
    this.idleTimer.unref();
  }

  private cancelIdleClose() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  async close(): Promise<void> {
    this.cancelIdleClose();
    const context = this.context;
    this.context = null;
    this.idlePages = [];
    if (context) await (await context.catch(() => null))?.browser()?.close();
  }

  private async takePage(): Promise<Page> {
    for (let page = this.idlePages.pop(); page; page = this.idlePages.pop()) {
      if (!page.isClosed()) return page;
    }
    const context = await this.openContext();
    if (context.browser()?.isConnected()) return context.newPage();
    // Chromium died and its "disconnected" event is still on its way: launch a new one now.
    this.forget(this.context);
    return (await this.openContext()).newPage();
  }

  private openContext(): Promise<BrowserContext> {
    if (this.context) return this.context;
    const context: Promise<BrowserContext> = launchChromium().then(
      async (browser) => {
        // Chromium died or was closed: the next request launches a new one.
        browser.on("disconnected", () => this.forget(context));
        // A4 at 96 dpi: the print pages lay out as they will be printed.
        return browser.newContext({ viewport: A4_VIEWPORT, colorScheme: "light", reducedMotion: "reduce" });
      },
      (error: unknown) => {
        this.forget(context);
        throw error;
      },
    );
    this.context = context;
    return context;
  }

  /** Drops the browser `context` belongs to, unless a newer one already replaced it. */
  private forget(context: Promise<BrowserContext> | null) {
    if (this.context !== context) return;
    this.context = null;
    this.idlePages = [];
  }
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const globalForPdf = globalThis as typeof globalThis & { studySheetsPdfBrowser?: PdfBrowser };

/**
 * The server's browser. Kept on globalThis so `next dev` reloading this module does not launch
 * (and leak) a second Chromium.
 */
export function pdfBrowser(): PdfBrowser {
  globalForPdf.studySheetsPdfBrowser ??= new PdfBrowser({
    maxPages: positiveIntegerFromEnv("PDF_MAX_PAGES", 2),
    maxQueue: positiveIntegerFromEnv("PDF_MAX_QUEUE", 64),
    idleCloseMs: positiveIntegerFromEnv("PDF_IDLE_CLOSE_MS", DEFAULT_IDLE_CLOSE_MS),
  });
  return globalForPdf.studySheetsPdfBrowser;
}
