import "server-only";
import path from "node:path";
import pLimit, { type LimitFunction } from "p-limit";
import type { BrowserContext, Page } from "playwright-core";
import { buildFolder } from "@/lib/build-folder";
import { CHROMIUM_ARGS, chromiumMissingMessage, chromiumPath } from "@/lib/chromium";
import { releaseIdleMemory } from "@/lib/release-idle-memory";
import { A4_VIEWPORT } from "@/lib/sheet-layout/geometry";
import { ChromiumMissingError, PdfBusyError } from "./errors";
import { chromium } from "./playwright";

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
  /**
   * Chromium's profile folder, kept between launches: its HTTP cache (the app's scripts and fonts),
   * the sheets' kept fits and the diagrams' drawings, so a Chromium launched again (after a server
   * start or an idle close) prints as a warm one. When another Chromium holds it, or none is given,
   * each launch starts from an empty profile.
   */
  profileDir?: string;
}

const DEFAULT_IDLE_CLOSE_MS = 2 * 60_000;

const CONTEXT_OPTIONS = {
  // A4 at 96 dpi: the print pages lay out as they will be printed.
  viewport: A4_VIEWPORT,
  colorScheme: "light",
  reducedMotion: "reduce",
} as const;

/** Chromium's refusal of a profile that another running Chromium holds (a second server on this build). */
function isProfileInUse(error: unknown): boolean {
  return error instanceof Error && /ProcessSingleton|profile (directory )?is (already )?in use/i.test(error.message);
}

/**
 * Chromium with its one context: on the profile in `profileDir` when one is given and free (what
 * it keeps survives the launch), else on a new empty profile.
 */
async function launchChromium(profileDir: string | undefined): Promise<BrowserContext> {
  const missing = chromiumMissingMessage();
  if (missing) throw new ChromiumMissingError(missing);
  const launch = { executablePath: chromiumPath(), args: CHROMIUM_ARGS };
  if (profileDir) {
    try {
      return await chromium.launchPersistentContext(profileDir, { ...launch, ...CONTEXT_OPTIONS });
    } catch (error) {
      if (!isProfileInUse(error)) throw error;
    }
  }
  const browser = await chromium.launch(launch);
  return browser.newContext(CONTEXT_OPTIONS);
}

/**
 * Leaves `page` blank with its garbage collected, or closes it if that fails; whether it is still open.
 * Unloading a printed booklet took 0.7 s of the next load, and its renderer kept 250 MB until then.
 */
async function clearPage(page: Page): Promise<boolean> {
  try {
    await page.goto("about:blank");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.detach();
    return true;
  } catch {
    await page.close().catch(() => undefined);
    return false;
  }
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
  /**
   * Pages being left blank after their task. A task that finds no idle page waits for one of these
   * rather than opening a new page: a new renderer lays a booklet out cold (a booklet asked for as
   * the last one answered took 2.6–2.9 s on a new page, 1.8–2.0 s on the old one).
   */
  private clearingPages = new Set<Promise<void>>();
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

  /**
   * Launches Chromium now, if it is not running, for a task about to be asked: the launch then runs
   * beside the server's own work for the request (loading the sheet, checking the database). If no
   * task comes, it is closed after the idle time like any other.
   */
  prepare(): void {
    if (this.context) return;
    // A failed launch is reported to the task that follows, which launches again.
    this.openContext().catch(() => undefined);
    if (this.tasks === 0 && !this.idleTimer) this.scheduleIdleClose();
  }

  /** Whether Chromium is running (or being launched) now. */
  get isOpen(): boolean {
    return this.context !== null;
  }

  private runOnPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.limit(async () => {
        for (let attempt = 1; ; attempt++) {
          const page = await this.takePage();
          try {
            resolve(await task(page));
          } catch (error) {
            const chromiumDied = page.context().browser()?.isConnected() === false;
            await page.close().catch(() => undefined);
            if (!chromiumDied || attempt > 1) throw error;
            continue;
          }
          // After the answer, before the next task: the page's next load then has no document to
          // tear down, and its renderer gives back what the last one held.
          const cleared = clearPage(page).then((open) => {
            this.clearingPages.delete(cleared);
            if (open) this.idlePages.push(page);
          });
          this.clearingPages.add(cleared);
          await cleared;
          return;
        }
      }).catch(reject);
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
    this.clearingPages.clear();
    if (context) await (await context.catch(() => null))?.browser()?.close();
  }

  private async takePage(): Promise<Page> {
    let context = await this.openContext();
    if (!context.browser()?.isConnected()) {
      // Chromium died and its "close" event is still on its way: launch a new one now.
      this.forget(this.context);
      context = await this.openContext();
    }
    for (;;) {
      for (let page = this.idlePages.pop(); page; page = this.idlePages.pop()) {
        if (!page.isClosed()) return page;
      }
      if (this.clearingPages.size === 0) return context.newPage();
      await Promise.race(this.clearingPages);
    }
  }

  private openContext(): Promise<BrowserContext> {
    if (this.context) return this.context;
    const context: Promise<BrowserContext> = launchChromium(this.options.profileDir).then(
      (opened) => {
        // Chromium died or was closed: the next request launches a new one.
        opened.on("close", () => this.forget(context));
        // A kept profile opens with a blank page: the first task prints on it.
        this.idlePages.push(...opened.pages());
        return opened;
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
    this.clearingPages.clear();
  }
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Where the server's Chromium keeps its profile: beside the build (PDF_PROFILE_DIR to move it), so
 * it goes when the build folder is deleted, and a rebuild's new scripts and kept data replace the
 * old build's (the pages delete other builds' stores).
 */
function pdfProfileDir(): string {
  return process.env.PDF_PROFILE_DIR ?? path.resolve(buildFolder(), "cache", "pdf-browser");
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
    profileDir: pdfProfileDir(),
  });
  return globalForPdf.studySheetsPdfBrowser;
}
