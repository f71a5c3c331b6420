import fs from "node:fs";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import type { Course } from "@/lib/content/course";
import { courseToPrint, printedTitle, type PrintedTitle } from "@/lib/pdf/sources";
import { compact, inkShare, rasterisePage, readPdf, type ReadPdf, type TextItem } from "../tests/pdf/pdf-reader";
import { everySheet, sheetFilesOnDisk } from "./every-sheet";
import { expect, openSheet, test } from "./fixtures";

/** A booklet of 24 sheets on a busy 2-core machine: generous, the speed is measured in bench/. */
const BOOKLET_TIMEOUT_MS = 180_000;

/** The course and its written chapters, titled as their sheets title them. */
async function printable(id: string): Promise<{ course: Course; chapters: PrintedTitle[] }> {
  const result = await courseToPrint(id);
  if (result.kind !== "printable") throw new Error(`the test course ${id} cannot be printed: ${result.error}`);
  return { course: result.course, chapters: result.chapters.map(printedTitle) };
}

async function pdfOf(response: APIResponse): Promise<ReadPdf> {
  expect(response.status(), await response.text().catch(() => "")).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return readPdf(await response.body());
}

function expectA4(pdf: ReadPdf) {
  for (const page of pdf.pages) {
    expect(Math.abs(page.width - 595), `page width ${page.width}`).toBeLessThanOrEqual(1);
    expect(Math.abs(page.height - 842), `page height ${page.height}`).toBeLessThanOrEqual(1);
  }
}

/** The boxes of the sheet's diagrams, in CSS pixels from the sheet's top-left corner, as printed. */
async function printedDiagramBoxes(page: Page) {
  await page.emulateMedia({ media: "print" });
  return page.locator("[data-sheet]").evaluate((sheet) => {
    const origin = sheet.getBoundingClientRect();
    return [...sheet.querySelectorAll<HTMLElement>("[data-mermaid]")].map((diagram) => {
      const box = diagram.getBoundingClientRect();
      return {
        key: diagram.dataset.mermaid ?? "",
        state: diagram.dataset.state,
        x: box.x - origin.x,
        y: box.y - origin.y,
        width: box.width,
        height: box.height,
      };
    });
  });
}

/** Text items paired across two PDFs: the same words at the same place (within a point). */
function expectSameLayout(actual: TextItem[], expected: TextItem[]) {
  const order = (items: TextItem[]) =>
    [...items].sort((a, b) => a.text.localeCompare(b.text) || b.y - a.y || a.x - b.x);
  const a = order(actual);
  const b = order(expected);
  expect(a.map((item) => item.text)).toEqual(b.map((item) => item.text));
  a.forEach((item, index) => {
    expect(Math.abs(item.x - (b[index]?.x ?? NaN)), `"${item.text}" x`).toBeLessThanOrEqual(1);
    expect(Math.abs(item.y - (b[index]?.y ?? NaN)), `"${item.text}" y`).toBeLessThanOrEqual(1);
  });
}

test.describe("chapter PDF", () => {
  test("is one A4 page whose text holds the English and Korean titles, named after the chapter", async ({
    request,
  }) => {
    const chapter = (await printable("deep-dive-llms")).chapters.find((c) => c.number === 8);
    const response = await request.get("/api/pdf/deep-dive-llms/8");
    const pdf = await pdfOf(response);
    expect(response.headers()["content-disposition"]).toContain(
      'filename="deep-dive-llms-08-llama-3-1-base-model-inference.pdf"',
    );
    expect(pdf.pages).toHaveLength(1);
    expectA4(pdf);
    const text = compact(pdf.pages[0]?.text ?? "");
    expect(text).toContain(compact(chapter?.title ?? "?"));
    // Korean comes out of the PDF as Korean: the fonts are embedded with their Unicode maps.
    expect(text).toContain(compact(chapter?.titleKr ?? "?"));
    expect(pdf.title).toContain("Llama 3.1 Base Model Inference");
  });

  for (const chapter of [6, 8, 23]) {
    test(`chapter ${chapter}: every diagram area of the printed page has ink`, async ({ page, request }) => {
      await openSheet(page, `/courses/deep-dive-llms/${chapter}/print`);
      const boxes = await printedDiagramBoxes(page);
      expect(boxes.length).toBeGreaterThan(0);
      const response = await request.get(`/api/pdf/deep-dive-llms/${chapter}`);
      const pdf = await response.body();
      expect((await readPdf(pdf)).pages).toHaveLength(1);
      const image = rasterisePage(pdf, 1);
      for (const box of boxes) {
        expect(box.state, `diagram ${box.key}`).toBe("rendered");
        // A blank area is paper and faint grid lines only; a drawn diagram has dark strokes and labels.
        expect(inkShare(image, box), `ink in diagram ${box.key}`).toBeGreaterThan(0.02);
      }
    });
  }

  test("Ctrl+P on the chapter page prints the sheet alone on one page, laid out as the print page", async ({
    page,
  }) => {
    await openSheet(page, "/courses/deep-dive-llms/8");
    await page.emulateMedia({ media: "print" });
    const fromChapterPage = await readPdf(
      await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }),
    );
    await openSheet(page, "/courses/deep-dive-llms/8/print");
    const fromPrintPage = await readPdf(
      await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }),
    );
    expect(fromChapterPage.pages).toHaveLength(1);
    expect(fromPrintPage.pages).toHaveLength(1);
    expectA4(fromChapterPage);
    expectSameLayout(fromChapterPage.pages[0]?.items ?? [], fromPrintPage.pages[0]?.items ?? []);
  });

  test("the chapter page's Download PDF button saves the chapter's PDF", async ({ page }) => {
    await openSheet(page, "/courses/deep-dive-llms/8");
    const download = page.waitForEvent("download");
    await page.locator("[data-download-pdf]").click();
    expect((await download).suggestedFilename()).toBe("deep-dive-llms-08-llama-3-1-base-model-inference.pdf");
  });

  test("a PDF that could not be made is explained on the chapter page, not saved as a file", async ({ page }) => {
    await openSheet(page, "/courses/deep-dive-llms/8");
    await page.route("**/api/pdf/deep-dive-llms/8", (route) =>
      route.fulfill({ status: 504, json: { error: 'diagram "pipeline-1" (sheet line 42) did not render' } }),
    );
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.locator("[data-download-pdf]").click();
    // The reason in the interface's words, then the server's own (which diagram held the page up).
    const alert = page.locator(".pdf-download-error[role=alert]");
    await expect(alert).toContainText("PDF failed:");
    await expect(alert).toContainText('diagram "pipeline-1" (sheet line 42) did not render');
    expect(downloads).toBe(0);
  });

  test("ten PDF requests at once all succeed", async ({ request }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const chapters = Array.from({ length: 10 }, (_, index) => index + 1);
    const responses = await Promise.all(
      chapters.map((n) => request.get(`/api/pdf/deep-dive-llms/${n}`, { timeout: BOOKLET_TIMEOUT_MS })),
    );
    for (const [index, response] of responses.entries()) {
      const pdf = await pdfOf(response);
      expect(pdf.pages, `chapter ${chapters[index]}`).toHaveLength(1);
    }
  });
});

const sheets = everySheet.map(({ course, chapter }) => `${course}/${chapter}`);

test.describe("Ctrl+P on every chapter page gives exactly one A4 page", () => {
  test("the loop covers every written sheet on disk", () => {
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets).toHaveLength(sheetFilesOnDisk().length);
  });
  for (const sheet of sheets) {
    test(sheet, async ({ page }) => {
      await openSheet(page, `/courses/${sheet}`);
      const pdf = await readPdf(await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
      expect(pdf.pages).toHaveLength(1);
      expectA4(pdf);
    });
  }
});

test.describe("PDF errors", () => {
  test("unknown or unwritten chapters are 404, broken ones 422 with their errors, a bad query 400", async ({
    request,
  }) => {
    for (const url of [
      "/api/pdf/nope/1",
      "/api/pdf/deep-dive-llms/99",
      "/api/pdf/deep-dive-llms/eight",
      "/api/pdf/layout-lab/7",
      "/api/pdf/nope",
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(((await response.json()) as { error: string }).error, url).toBeTruthy();
    }
    for (const [url, folder] of [
      ["/api/pdf/layout-lab/5", "05-broken-layout"],
      ["/api/pdf/layout-lab/6", "06-broken-mdx"],
      ["/api/pdf/layout-lab", "05-broken-layout"],
    ] as const) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(422);
      const body = (await response.json()) as { error: string; errors: { file: string; line: number; text: string }[] };
      expect(body.errors.length, url).toBeGreaterThan(0);
      expect(body.errors[0]?.file, url).toContain(folder);
      expect(body.errors[0]?.line, url).toBeGreaterThan(0);
    }
    const bad = await request.get("/api/pdf/deep-dive-llms/8?notes=yes");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "notes" });
  });
});

test.describe("course booklet", () => {
  test("has a cover, contents with page numbers, one page per written chapter and a bookmark each", async ({
    request,
  }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const { course: deepDive, chapters: written } = await printable("deep-dive-llms");
    const response = await request.get("/api/pdf/deep-dive-llms", { timeout: BOOKLET_TIMEOUT_MS });
    const pdf = await pdfOf(response);
    expect(response.headers()["content-disposition"]).toContain('filename="deep-dive-llms.pdf"');
    expect(pdf.pages).toHaveLength(2 + written.length);
    expectA4(pdf);
    expect(pdf.title).toBe(deepDive.title);
    expect(compact(pdf.pages[0]?.text ?? "")).toContain(compact(deepDive.title));
    expect(compact(pdf.pages[0]?.text ?? "")).toContain(compact(deepDive.author));

    expect(pdf.outline.map(({ title, pageIndex }) => ({ title, pageIndex }))).toEqual(
      written.map((chapter, index) => ({
        title: `${chapter.number}. ${chapter.title} · ${chapter.titleKr}`,
        pageIndex: 2 + index,
      })),
    );
    written.forEach((chapter, index) => {
      const page = pdf.pages[2 + index];
      expect(compact(page?.text ?? ""), `page ${3 + index}`).toContain(compact(chapter.title));
      expect(
        page?.items.some((item) => item.text === String(3 + index)),
        `page number on page ${3 + index}`,
      ).toBe(true);
    });
    expectContentsPointAtBookmarks(
      pdf,
      written.map((chapter) => chapter.title),
    );
  });

  test("with notes: a chapter's notes pages follow its sheet and the contents counts them", async ({ request }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const body = "Booklet note: bread rises because yeast makes CO2 기포";
    const created = await request.post("/api/notes", { data: { course: "kitchen-chemistry", chapter: 1, body } });
    expect(created.status()).toBe(201);
    const note = (await created.json()) as { id: string };
    try {
      const chapterPdf = await pdfOf(await request.get("/api/pdf/kitchen-chemistry/1?notes=1"));
      expect(chapterPdf.pages.length).toBeGreaterThan(1);
      expect(
        compact(
          chapterPdf.pages
            .slice(1)
            .map((page) => page.text)
            .join(""),
        ),
      ).toContain(compact(body));

      const { chapters: written } = await printable("kitchen-chemistry");
      const booklet = await pdfOf(
        await request.get("/api/pdf/kitchen-chemistry?notes=1", { timeout: BOOKLET_TIMEOUT_MS }),
      );
      expect(booklet.outline).toHaveLength(written.length);
      expect(booklet.outline[0]?.pageIndex).toBe(2);
      expect(booklet.outline[0]?.children).toEqual([{ title: "Notes", pageIndex: 3, children: [] }]);
      expect(booklet.outline[1]?.pageIndex).toBe(2 + chapterPdf.pages.length);
      expectContentsPointAtBookmarks(
        booklet,
        written.map((chapter) => chapter.title),
      );
    } finally {
      await request.delete(`/api/notes/${note.id}`);
    }
  });

  test("the course page downloads the booklet, showing chapter k of n while it prints", async ({ page }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const { chapters: written } = await printable("kitchen-chemistry");
    await page.goto("/courses/kitchen-chemistry");
    const download = page.waitForEvent("download", { timeout: BOOKLET_TIMEOUT_MS });
    await page.getByRole("button", { name: /Download course PDF/ }).click();
    const status = page.locator("[data-booklet-status]");
    await expect(status).toContainText(
      new RegExp(`Chapter \\d of ${written.length}|Putting the booklet together|Booklet ready`),
    );
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("kitchen-chemistry.pdf");
    const pdf = await readPdf(fs.readFileSync(await saved.path()));
    expect(pdf.pages).toHaveLength(2 + written.length);
    await expect(status).toContainText("Booklet ready");
  });

  test("the course page explains a booklet that could not be made, with the install line for Chromium", async ({
    page,
  }) => {
    await page.route("**/api/pdf/kitchen-chemistry", (route) =>
      route.fulfill({
        status: 503,
        json: {
          error: "Chromium was not found at /usr/bin/chromium.",
          install: "apt-get update && apt-get install -y chromium",
        },
      }),
    );
    await page.goto("/courses/kitchen-chemistry");
    await page.getByRole("button", { name: /Download course PDF/ }).click();
    const alert = page.locator(".booklet-export-error[role=alert]");
    await expect(alert).toContainText("Chromium was not found");
    await expect(alert).toContainText("apt-get install -y chromium");
    await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("a booklet job reports its progress, then answers the PDF", async ({ request }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const { seen, download } = await bookletJob(request, "/api/pdf/kitchen-chemistry");
    expect(seen.at(-1)).toBe("done 3/3");
    const pdf = await pdfOf(await request.get(download));
    expect(pdf.pages).toHaveLength(5);
    expect(
      (await request.get("/api/pdf/kitchen-chemistry/progress?job=00000000-0000-4000-8000-000000000000")).status(),
    ).toBe(404);
  });

  test("a quiz booklet made as a job has blanks where the highlights were", async ({ request }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const quiz = await bookletJob(request, "/api/pdf/kitchen-chemistry?quiz=1");
    expect(quiz.seen.at(-1)).toBe("done 3/3");
    const response = await request.get(quiz.download);
    expect(response.headers()["content-disposition"]).toContain('filename="kitchen-chemistry-quiz.pdf"');
    const quizPdf = await pdfOf(response);
    expect(quizPdf.pages).toHaveLength(5);
    const quizText = compact(quizPdf.pages.map((page) => page.text).join(" "));
    const plain = await bookletJob(request, "/api/pdf/kitchen-chemistry");
    const plainText = compact(
      (await pdfOf(await request.get(plain.download))).pages.map((page) => page.text).join(" "),
    );
    for (const answer of ["Slow oil is the whole secret.", "Brown is flavour, black is bitter"]) {
      expect(plainText).toContain(compact(answer));
      expect(quizText).not.toContain(compact(answer));
    }
  });
});

/** Starts a booklet job, follows its progress until it ends: what it reported, and where to download it. */
async function bookletJob(request: APIRequestContext, url: string): Promise<{ seen: string[]; download: string }> {
  const started = await request.post(url);
  expect(started.status()).toBe(202);
  const job = (await started.json()) as { job: string; total: number; progress: string; download: string };
  expect(job.total).toBe(3);
  const seen: string[] = [];
  for (;;) {
    const progress = (await (await request.get(job.progress)).json()) as {
      state: string;
      done: number;
      total: number;
    };
    seen.push(`${progress.state} ${progress.done}/${progress.total}`);
    if (progress.state !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { seen, download: job.download };
}

/** On the contents page, each chapter's line ends with the page its bookmark opens. */
function expectContentsPointAtBookmarks(pdf: ReadPdf, titles: string[]) {
  const contents = pdf.pages[1]?.items ?? [];
  titles.forEach((title, index) => {
    // The title's first line: the longest text item the title starts with (a long title may wrap).
    const line = contents
      .filter((item) => compact(item.text).length > 2 && compact(title).startsWith(compact(item.text)))
      .sort((a, b) => compact(b.text).length - compact(a.text).length)[0];
    expect(line, `"${title}" in the contents`).toBeDefined();
    const page = String((pdf.outline[index]?.pageIndex ?? NaN) + 1);
    expect(
      contents.some((item) => item.text === page && Math.abs(item.y - (line?.y ?? 0)) < 4 && item.x > (line?.x ?? 0)),
      `page ${page} next to "${title}" in the contents`,
    ).toBe(true);
  });
}
