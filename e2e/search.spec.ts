import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const COURSE = "deep-dive-llms";

async function openPalette(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.locator("html[data-shortcuts=ready]")).toBeAttached();
  await page.keyboard.press("Control+k");
  const input = page.getByRole("combobox", { name: /Search/ });
  await expect(input).toBeFocused();
  return input;
}

/** Types a query and waits for the result with this URL; answers its option. */
async function searchFor(page: Page, query: string, url: string) {
  await page.getByRole("combobox", { name: /Search/ }).fill(query);
  const option = page.locator(`[role="option"][data-url="${url}"]`);
  await expect(option).toBeVisible();
  return option;
}

/** Moves the active result to `option` with the arrow keys, then opens it with Enter. */
async function chooseWithKeys(page: Page, url: string) {
  const options = page.locator("[data-search-palette]").getByRole("option");
  const urls = await options.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-url")));
  const index = urls.indexOf(url);
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await expect(options.nth(index)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
}

test.describe("search palette", () => {
  test("finds an English term from a sheet, marks it, and lands on its section", async ({ page }) => {
    await openPalette(page);
    const url = `/courses/${COURSE}/8#section-base-model`;
    const option = await searchFor(page, "document complet", url);
    await expect(option.locator("mark").first()).toHaveText(/document/i);
    await expect(option.locator("mark").nth(1)).toHaveText(/complet/i);
    await chooseWithKeys(page, url);
    await expect(page).toHaveURL(url);
    await expect(page.locator("#section-base-model")).toBeFocused();
    await expect(page.locator("[data-search-palette]")).toBeHidden();
  });

  test("finds a Korean word from a sheet, inside words, and a two-syllable one", async ({ page }) => {
    await openPalette(page, `/courses/${COURSE}/2`);
    const url = `/courses/${COURSE}/8#section-base-model`;
    const option = await searchFor(page, "시뮬레이터", url);
    await expect(option.locator("mark").first()).toHaveText("시뮬레이터");
    // Two syllables: shorter than a trigram, found all the same.
    const short = await searchFor(page, "암기", `/courses/${COURSE}/2#section-quality`);
    await expect(short.locator("mark").first()).toHaveText("암기");
    await searchFor(page, "시뮬레이터", url);
    await chooseWithKeys(page, url);
    await expect(page).toHaveURL(url);
    await expect(page.locator("#section-base-model")).toBeFocused();
  });

  test("finds a phrase from the chapter 8 transcript and lands on that moment", async ({ page }) => {
    await openPalette(page);
    const url = `/courses/${COURSE}/8/source#t-2610`;
    const option = await searchFor(page, "an internet text token simulator", url);
    await expect(option).toHaveAttribute("data-kind", "transcript");
    await chooseWithKeys(page, url);
    await expect(page).toHaveURL(url);
    await expect(page.locator("#t-2610")).toBeFocused();
    await expect(page.locator("#t-2610")).toBeInViewport();
  });

  test("finds a word from a note and opens the note", async ({ page }) => {
    const created = await page.request.post("/api/notes", {
      data: {
        course: COURSE,
        chapter: 6,
        section: "coin-flip",
        body: "Remember: the wombat-sampler picks tokens like a biased coin.",
      },
    });
    expect(created.status()).toBe(201);
    const note = (await created.json()) as { id: string };
    await openPalette(page);
    const option = await searchFor(page, "wombat", `/courses/${COURSE}/6?note=${note.id}#section-coin-flip`);
    await expect(option).toHaveAttribute("data-kind", "note");
    await expect(option.locator("mark")).toHaveText("wombat");
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/6\\?note=${note.id}`));
    await expect(page.locator(`[data-notes] [data-note-id="${note.id}"]`)).toBeFocused();
  });

  test("finds a chapter by its title and says when nothing matches", async ({ page }) => {
    await openPalette(page);
    await searchFor(page, "jagged", `/courses/${COURSE}/15`);
    await page.getByRole("combobox", { name: /Search/ }).fill("qqzzxxv");
    await expect(page.getByRole("status").filter({ hasText: "No results" })).toHaveText(/No results for “qqzzxxv”/);
    // Esc then / before the dialog's close event (Chromium runs key presses first when it is busy):
    // focus has already left the closed palette, so / opens it again with the last query.
    await page.evaluate(() => {
      const press = (key: string, code: string) =>
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent("keydown", { key, code, bubbles: true, cancelable: true }),
        );
      press("Escape", "Escape");
      press("/", "Slash");
    });
    const input = page.getByRole("combobox", { name: /Search/ });
    await expect(input).toBeFocused();
    await expect(input).toHaveValue("qqzzxxv");
    await page.keyboard.press("Escape");
    await expect(page.locator("[data-search-palette]")).toBeHidden();
    await expect(page.locator("body")).toBeFocused();
  });
});

test.describe("GET /api/search", () => {
  test("answers the same results as JSON, best first", async ({ request }) => {
    const response = await request.get("/api/search?q=internet%20text%20token%20simulator&limit=5");
    expect(response.status()).toBe(200);
    const { results } = (await response.json()) as {
      results: { kind: string; url: string; snippet: string; title: string; chapter: number }[];
    };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results[0]).toMatchObject({ kind: "transcript", chapter: 8, url: `/courses/${COURSE}/8/source#t-2610` });
    expect(results[0]?.snippet).toContain("internet text token simulator");
  });

  test("refuses an empty or over-long query with a clear 400", async ({ request }) => {
    for (const q of ["", "%20%20"]) {
      const response = await request.get(`/api/search?q=${q}`);
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({ field: "q", error: expect.stringContaining("q") });
    }
    const missing = await request.get("/api/search");
    expect(missing.status()).toBe(400);
    const long = await request.get(`/api/search?q=${"a".repeat(201)}`);
    expect(long.status()).toBe(400);
    expect(await long.json()).toMatchObject({ field: "q", error: expect.stringContaining("200") });
    const limit = await request.get("/api/search?q=token&limit=500");
    expect(limit.status()).toBe(400);
    expect(await limit.json()).toMatchObject({ field: "limit" });
  });
});
