import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo, Socket } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PdfBrowser } from "@/lib/pdf/browser";
import { ChromiumMissingError, PageNotReadyError, PdfBusyError, PrintPageError } from "@/lib/pdf/errors";
import { printPage } from "@/lib/pdf/render";
import { pdfErrorResponse } from "@/lib/pdf/responses";
import { readPdf } from "./pdf-reader";

/** Runs `test` with a PdfBrowser of `options`, closed afterwards whatever happens. */
async function withPdfBrowser(
  options: ConstructorParameters<typeof PdfBrowser>[0],
  test: (browser: PdfBrowser) => Promise<void>,
): Promise<void> {
  const browser = new PdfBrowser(options);
  try {
    await test(browser);
  } finally {
    await browser.close();
  }
}

/** The Chromium the next task of `browser` runs in. */
function chromiumOfNextTask(browser: PdfBrowser) {
  return browser.withPage(async (page) => page.context().browser());
}

/** The next task runs in a Chromium other than `old`, and a live one. */
async function expectAnotherLiveChromium(browser: PdfBrowser, old: Awaited<ReturnType<typeof chromiumOfNextTask>>) {
  const next = await chromiumOfNextTask(browser);
  expect(next).not.toBe(old);
  expect(next?.isConnected()).toBe(true);
}

const profileDirs: string[] = [];

/** A new, empty profile folder for one test (deleted after the file's tests). */
function newProfileDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-profile-"));
  profileDirs.push(dir);
  return dir;
}

/** What the page at `url` finds in its localStorage under "kept", after storing `store` there if given. */
function storedOnPage(browser: PdfBrowser, url: string, store?: string) {
  return browser.withPage(async (page) => {
    await page.goto(url);
    return page.evaluate((value) => {
      if (value !== undefined) localStorage.setItem("kept", value);
      return localStorage.getItem("kept");
    }, store);
  });
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const PAGES: Record<string, string> = {
  "/ready": `<!doctype html><style>@page { size: A4; margin: 0 }</style><article data-sheet data-ready="true" aria-label="1. Ready">ready sheet</article>`,
  // Says which media the page was laid out in when it became ready (the sheets fit before printing).
  "/media": `<!doctype html><article data-sheet data-ready="false" aria-label="1. Media">laid out for</article>
    <script>const sheet = document.querySelector("article"); sheet.textContent += matchMedia("print").matches ? " print" : " screen"; sheet.dataset.ready = "true";</script>`,
  "/stuck": `<!doctype html><style>@font-face { font-family: Stuck; src: url(/font-never) }</style>
    <article data-sheet data-ready="false" aria-label="8. Stuck sheet">
      <p style="font-family: Stuck">text in a font that never arrives</p>
      <figure data-mermaid="pipeline-1" data-source-line="42"></figure>
      <figure data-mermaid="done-1" data-state="rendered"></figure>
    </article>`,
};

let server: http.Server;
let origin = "";
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/font-never") return; // never answers: the font stays "loading"
    if (request.url === "/language") {
      const language = request.headers["accept-language"] ?? "none";
      const sheet = `<!doctype html><article data-sheet data-ready="true" aria-label="1. Language">language ${language}</article>`;
      return response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(sheet);
    }
    const page = PAGES[request.url ?? ""];
    response.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(page ?? "not found");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const dir of profileDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe.each([
  ["an empty profile", () => undefined],
  ["a kept profile", newProfileDir],
])("PdfBrowser on %s", (_, profileDir) => {
  it("prints at most maxPages at once, queues the rest in arrival order, refuses beyond the queue", async () => {
    await withPdfBrowser({ maxPages: 2, maxQueue: 3, profileDir: profileDir() }, async (browser) => {
      const gates = Array.from({ length: 5 }, deferred);
      const started: number[] = [];
      let active = 0;
      let peak = 0;
      const tasks = gates.map((gate, index) =>
        browser.withPage(async (page) => {
          started.push(index);
          peak = Math.max(peak, ++active);
          await gate.promise;
          active--;
          return page;
        }),
      );
      await expect(browser.withPage(async () => "sixth")).rejects.toThrow(PdfBusyError);

      // The first two start together (in whichever order their pages open), the rest one by one.
      await expect.poll(() => [...started].sort(), { timeout: 20_000 }).toEqual([0, 1]);
      expect(browser.load).toEqual({ active: 2, queued: 3 });
      gates[1]?.resolve();
      await expect.poll(() => started.slice(2), { timeout: 20_000 }).toEqual([2]);
      gates[0]?.resolve();
      await expect.poll(() => started.slice(2), { timeout: 20_000 }).toEqual([2, 3]);
      for (const gate of gates) gate.resolve();
      const pages = await Promise.all(tasks);
      expect(peak).toBe(2);
      // Pages are kept and reused: five tasks never needed more than two.
      expect(new Set(pages).size).toBe(2);
      expect(pages.every((page) => !page.isClosed())).toBe(true);
    });
  });

  it("gives the next task its page blank, with the last page's garbage collected", async () => {
    await withPdfBrowser({ maxPages: 1, maxQueue: 1, profileDir: profileDir() }, async (browser) => {
      // The renderer's whole JavaScript heap, garbage included until it is collected.
      const heapOf = async (page: Page) => {
        const cdp = await page.context().newCDPSession(page);
        const { usedSize } = await cdp.send("Runtime.getHeapUsage");
        await cdp.detach();
        return usedSize;
      };
      const held = await browser.withPage(async (page) => {
        await page.goto(`${origin}/ready`);
        // 48 MB the page holds until it is left (arrays of doubles, 8 bytes each).
        await page.evaluate(() => {
          (window as Window & { held?: number[][] }).held = Array.from({ length: 6 }, () =>
            new Array<number>(1 << 20).fill(0.5),
          );
        });
        return heapOf(page);
      });
      const { url, heap } = await browser.withPage(async (page) => ({ url: page.url(), heap: await heapOf(page) }));
      expect(url).toBe("about:blank");
      expect(held - heap).toBeGreaterThan(40 * 1024 * 1024);
    });
  });

  it("gives a task asked for as the last one answers that page once it is blank, not a new page", async () => {
    await withPdfBrowser({ maxPages: 2, maxQueue: 2, profileDir: profileDir() }, async (browser) => {
      const first = await browser.withPage(async (page) => {
        await page.goto(`${origin}/ready`);
        return page;
      });
      // Asked for at once: the first page is still being left blank, and the second slot is free.
      const next = await browser.withPage(async (page) => ({ page, url: page.url() }));
      expect(next.page).toBe(first);
      expect(next.url).toBe("about:blank");
      expect(first.context().pages()).toHaveLength(1);
    });
  });

  it("closes Chromium once idle for idleCloseMs, not while a task runs, and launches it again on demand", async () => {
    await withPdfBrowser({ maxPages: 1, maxQueue: 4, idleCloseMs: 300, profileDir: profileDir() }, async (browser) => {
      const first = await chromiumOfNextTask(browser);
      expect(first?.isConnected()).toBe(true);
      // A task that outlasts the idle time keeps the browser open.
      const long = browser.withPage(async (page) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        return page.context().browser();
      });
      expect(await long).toBe(first);
      expect(first?.isConnected()).toBe(true);
      await expect.poll(() => browser.isOpen, { timeout: 5_000 }).toBe(false);
      await expect.poll(() => first?.isConnected(), { timeout: 5_000 }).toBe(false);
      await expectAnotherLiveChromium(browser, first);
    });
  });

  it("closes a page whose task failed, and launches a new Chromium when the old one died", async () => {
    await withPdfBrowser({ maxPages: 1, maxQueue: 4, profileDir: profileDir() }, async (browser) => {
      let failedPage: { isClosed: () => boolean } | undefined;
      await expect(
        browser.withPage(async (page) => {
          failedPage = page;
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(failedPage?.isClosed()).toBe(true);

      const first = await chromiumOfNextTask(browser);
      await first?.close(); // Chromium dies
      await expectAnotherLiveChromium(browser, first);
    });
  });

  it("runs a task once more on a new Chromium when Chromium dies under it", async () => {
    await withPdfBrowser({ maxPages: 1, maxQueue: 4, profileDir: profileDir() }, async (browser) => {
      let attempts = 0;
      const result = await browser.withPage(async (page) => {
        attempts++;
        if (attempts === 1) {
          await page.context().browser()?.close(); // as if Chromium crashed mid-print
          return page.pdf();
        }
        return "printed";
      });
      expect(result).toBe("printed");
      expect(attempts).toBe(2);
      // A task that fails on its own is not repeated.
      let failures = 0;
      await expect(browser.withPage(async () => Promise.reject(new Error(`failure ${++failures}`)))).rejects.toThrow(
        "failure 1",
      );
      expect(failures).toBe(1);
    });
  });
});

describe("PdfBrowser", () => {
  it("keeps what Chromium stored in its profile folder when it is launched again", async () => {
    const profileDir = newProfileDir();
    await withPdfBrowser({ maxPages: 1, maxQueue: 1, profileDir }, async (browser) => {
      expect(await storedOnPage(browser, `${origin}/ready`, "from the first launch")).toBe("from the first launch");
      const first = await chromiumOfNextTask(browser);
      await browser.close();
      expect(first?.isConnected()).toBe(false);
      await expectAnotherLiveChromium(browser, first);
      expect(await storedOnPage(browser, `${origin}/ready`)).toBe("from the first launch");
    });
    // The same on an empty profile: a relaunch forgets.
    await withPdfBrowser({ maxPages: 1, maxQueue: 1 }, async (browser) => {
      await storedOnPage(browser, `${origin}/ready`, "forgotten");
      await browser.close();
      expect(await storedOnPage(browser, `${origin}/ready`)).toBeNull();
    });
  });

  it("launches Chromium ahead of a task when told one is coming, and closes it after the idle time if none comes", async () => {
    await withPdfBrowser({ maxPages: 1, maxQueue: 1, idleCloseMs: 300 }, async (browser) => {
      browser.prepare();
      expect(browser.isOpen).toBe(true);
      await expect.poll(() => browser.isOpen, { timeout: 10_000 }).toBe(false);
      browser.prepare();
      expect(await chromiumOfNextTask(browser)).toBe(await chromiumOfNextTask(browser));
      expect((await chromiumOfNextTask(browser))?.isConnected()).toBe(true);
    });
  });

  it("launches on an empty profile when another Chromium holds the profile folder", async () => {
    const profileDir = newProfileDir();
    await withPdfBrowser({ maxPages: 1, maxQueue: 1, profileDir }, async (holder) => {
      await storedOnPage(holder, `${origin}/ready`, "the holder's");
      await withPdfBrowser({ maxPages: 1, maxQueue: 1, profileDir }, async (second) => {
        expect(await storedOnPage(second, `${origin}/ready`)).toBeNull();
        const pdf = await second.withPage((page) => printPage(page, `${origin}/ready`, { sheets: 1 }));
        expect((await readPdf(pdf)).pages).toHaveLength(1);
      });
      expect(await storedOnPage(holder, `${origin}/ready`)).toBe("the holder's");
    });
  });

  it("answers 503 with the install line when Chromium is missing", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const browser = new PdfBrowser({ maxPages: 1, maxQueue: 1 });
      const failure = await browser.withPage(async () => "never").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ChromiumMissingError);
      const response = pdfErrorResponse(failure);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: string; install: string };
      expect(body.error).toContain("/nonexistent/chromium");
      expect(body.install).toContain("apt-get install -y chromium");
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describe("printPage", () => {
  const browser = new PdfBrowser({ maxPages: 1, maxQueue: 4 });
  afterAll(() => browser.close());

  it("prints a ready page on one A4 page", async () => {
    const pdf = await browser.withPage((page) => printPage(page, `${origin}/ready`, { sheets: 1 }));
    const read = await readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]?.width).toBeCloseTo(595, -0.5);
    expect(read.pages[0]?.height).toBeCloseTo(842, -0.5);
    expect(read.pages[0]?.text).toContain("ready sheet");
  });

  it("gives up on a page that never gets ready with a 504 naming the diagram and the font", async () => {
    const started = Date.now();
    const failure = await browser
      .withPage((page) => printPage(page, `${origin}/stuck`, { sheets: 1, timeoutMs: 1500 }))
      .catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(failure).toBeInstanceOf(PageNotReadyError);
    const message = (failure as PageNotReadyError).message;
    expect(message).toContain('diagram "pipeline-1" (sheet line 42 in "8. Stuck sheet") did not render');
    expect(message).toContain('font "Stuck"');
    expect(message).not.toContain("done-1");
    expect(pdfErrorResponse(failure).status).toBe(504);
  });

  it("prints in the requester's language, and a reused page forgets it", async () => {
    const korean = await readPdf(
      await browser.withPage((page) => printPage(page, `${origin}/language`, { locale: "ko" })),
    );
    expect(korean.pages[0]?.text).toContain("language ko");
    const plain = await readPdf(await browser.withPage((page) => printPage(page, `${origin}/language`)));
    expect(plain.pages[0]?.text).not.toContain("language ko");
  });

  it("lays the page out for print from the start, and gives the next task on the page the screen again", async () => {
    const pdf = await readPdf(await browser.withPage((page) => printPage(page, `${origin}/media`)));
    expect(pdf.pages[0]?.text).toContain("laid out for print");
    expect(await browser.withPage((page) => page.evaluate(() => matchMedia("print").matches))).toBe(false);
  });

  it("fails at once when the print page itself is missing", async () => {
    await expect(browser.withPage((page) => printPage(page, `${origin}/missing`))).rejects.toThrow(PrintPageError);
  });
});
