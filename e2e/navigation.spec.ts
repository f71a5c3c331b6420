import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { loadCourse } from "@/lib/content/course";
import { expect, openSheet, test } from "./fixtures";

const COURSE = "deep-dive-llms";
const course = loadCourse(COURSE);
if (!course?.ok) throw new Error(`the e2e suite needs content/${COURSE}`);
const chapters = course.course.chapters.map((c) => c.number);

/** The chapter page's keys answer for this chapter (its ChapterKeyboard has registered them). */
async function keysReadyFor(page: Page, view: "sheet" | "source", chapter: number) {
  await expect(page.locator(`[data-keys-for="${view}:${chapter}"]`)).toBeAttached();
}

test.describe("keyboard navigation", () => {
  test("walks the whole course with → and back with ←, switches to the source page with s", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/${chapters[0]}`);
    await keysReadyFor(page, "sheet", chapters[0] ?? NaN);
    for (const chapter of chapters.slice(1)) {
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/courses/${COURSE}/${chapter}`);
      await expect(page.locator('.app-breadcrumbs [aria-current="page"]')).toHaveText(new RegExp(`^${chapter}\\. `));
      await keysReadyFor(page, "sheet", chapter);
    }
    // The last chapter has no next one: → stays put.
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(`/courses/${COURSE}/${chapters.at(-1)}`);
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(`/courses/${COURSE}/${chapters.at(-2)}`);
    await keysReadyFor(page, "sheet", chapters.at(-2)!);

    await page.keyboard.press("s");
    await expect(page).toHaveURL(`/courses/${COURSE}/${chapters.at(-2)}/source`);
    await keysReadyFor(page, "source", chapters.at(-2)!);
    // On source pages the arrows move between source pages.
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(`/courses/${COURSE}/${chapters.at(-3)}/source`);
    await keysReadyFor(page, "source", chapters.at(-3)!);
    await page.keyboard.press("s");
    await expect(page).toHaveURL(`/courses/${COURSE}/${chapters.at(-3)}`);
  });

  test("the chapter switcher, previous/next links and breadcrumbs work from the keyboard", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/8`);
    await keysReadyFor(page, "sheet", 8);
    await page.getByLabel("Go to chapter").selectOption("3");
    await expect(page).toHaveURL(`/courses/${COURSE}/3`);
    await page.locator('[data-nav="next"]').focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/courses/${COURSE}/4`);
    await page
      .getByRole("navigation", { name: "Breadcrumbs" })
      .getByRole("link", { name: course.course.title })
      .click();
    await expect(page).toHaveURL(`/courses/${COURSE}`);
  });

  test("keys do nothing while typing, ? lists the shortcuts, and focus is always visible", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/8`);
    await keysReadyFor(page, "sheet", 8);
    // Tab to the first link of the header: a visible focus ring (outline) marks it.
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return { tag: active.tagName, width: parseFloat(style.outlineWidth), styleName: style.outlineStyle };
    });
    expect(outline.tag).toBe("A");
    expect(outline.styleName).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("?");
    const help = page.locator("[data-shortcut-help]");
    await expect(help).toBeVisible();
    await expect(help.getByRole("row")).toHaveCount(9);
    await expect(help.getByRole("row", { name: /Next chapter/ })).toHaveAttribute("data-available", "true");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    // Typing "s" or "→" into a field types; it does not leave the page.
    await page.keyboard.press("Control+k");
    const input = page.getByRole("combobox", { name: /Search/ });
    await expect(input).toBeFocused();
    await page.keyboard.type("s");
    await page.keyboard.press("ArrowRight");
    await expect(input).toHaveValue("s");
    await page.keyboard.press("Escape");
    await expect(page.locator("[data-search-palette]")).toBeHidden();
    await expect(page).toHaveURL(`/courses/${COURSE}/8`);
  });

  test("n starts a new note on the chapter page", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/5`);
    await keysReadyFor(page, "sheet", 5);
    const notes = page.locator("[data-notes] [data-note-id]");
    const before = await notes.count();
    await page.keyboard.press("n");
    await expect(notes).toHaveCount(before + 1);
  });
});

test.describe("library and course pages", () => {
  test("the library shows each course and its progress changes when a chapter is marked done", async ({ page }) => {
    await page.goto("/");
    const card = page.locator(`[data-course="${COURSE}"]`);
    await expect(card.getByRole("heading", { name: course.course.title })).toBeVisible();
    await expect(card).toContainText(course.course.titleKr ?? "");
    await expect(card).toContainText(
      `${course.course.chapters.length} / ${course.course.chapters.length} chapters written`,
    );
    const meter = card.locator("[data-progress-done]");
    const doneBefore = Number(await meter.getAttribute("data-progress-done"));

    const marked = await page.request.post("/api/progress", {
      data: { course: COURSE, chapter: 11, status: "done", visited: true },
    });
    expect(marked.ok()).toBe(true);
    await page.reload();
    await expect(meter).toHaveAttribute("data-progress-done", String(doneBefore + 1));
    await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(doneBefore + 1));
    await expect(card.locator("[data-last-studied]")).toHaveAttribute("data-last-studied", "11");

    await card.getByRole("link", { name: course.course.title }).click();
    await expect(page).toHaveURL(`/courses/${COURSE}`);
    await expect(page.locator('[data-chapter="11"]')).toHaveAttribute("data-status", "done");
  });

  test("the library lists the latest notes, each opening its note", async ({ page }) => {
    const created = await page.request.post("/api/notes", {
      data: { course: COURSE, chapter: 13, body: "**Latest** thought: tokens are *compute* budget" },
    });
    expect(created.status()).toBe(201);
    const note = (await created.json()) as { id: string };
    await page.goto("/");
    const item = page.locator(`[data-note-link="${note.id}"]`);
    await expect(item).toContainText("13. Models need tokens to think");
    await expect(item).toContainText("Latest thought: tokens are compute budget");
    await item.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/13\\?note=${note.id}`));
    await expect(page.locator(`[data-notes] [data-note-id="${note.id}"]`)).toBeFocused();
  });

  test("a course page shows every chapter with a real picture of its sheet, or says it is not written", async ({
    page,
  }) => {
    await page.goto("/courses/layout-lab");
    await expect(page.locator(".chapter-card")).toHaveCount(7);
    const unwritten = page.locator('[data-chapter="7"]');
    await expect(unwritten).toHaveAttribute("data-written", "false");
    await expect(unwritten).toContainText("not written yet");
    await expect(unwritten.locator("img")).toHaveCount(0);

    const thumb = page.locator('[data-chapter="1"] .sheet-thumb');
    await expect(thumb).toHaveAttribute("data-state", "loaded", { timeout: 45_000 });
    const image = await thumb.locator("img").evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
      src: img.currentSrc,
    }));
    expect(image.width).toBe(360);
    expect(image.height).toBe(509);
    // Served from the cache the second time, with a URL that never changes.
    const again = await page.request.get(image.src);
    expect(again.headers()["content-type"]).toBe("image/webp");
    expect(again.headers()["cache-control"]).toContain("immutable");
  });

  test("on a phone the sheet comes first, then the notes, and the sheet zooms", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // Measured once the sheet has settled (fonts, diagrams, fit), not while it is still laying out.
    await openSheet(page, `/courses/${COURSE}/8`);
    await expect(page.locator("[data-notes]")).toBeVisible();
    const sheet = await page.locator(".sheet-viewer").boundingBox();
    const notes = await page.locator("[data-notes]").boundingBox();
    expect(sheet && notes && notes.y >= sheet.y + sheet.height - 1).toBe(true);
    expect(sheet!.width).toBeLessThanOrEqual(390);
    // Pinch zoom is the browser's own: the sheet area must not switch it off.
    expect(await page.locator(".sheet-viewer-area").evaluate((el) => getComputedStyle(el).touchAction)).toMatch(
      /pinch-zoom|manipulation|auto/,
    );
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await context.close();
  });
});

test.describe("the source page", () => {
  test("shows summary and transcript; each [mm:ss] opens the video there; a line takes a note", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/8/source#t-2610`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Llama 3.1");
    await expect(page.locator(".source-markdown").first()).toBeVisible();
    const line = page.locator("#t-2610");
    await expect(line).toContainText("token simulator");
    await expect(line).toBeInViewport();
    const stamp = line.getByRole("link", { name: "Open the video at 43:30" });
    await expect(stamp).toHaveAttribute("href", "https://www.youtube.com/watch?v=7xTGNNLPyMI&t=2610s");
    await expect(stamp).toHaveAttribute("target", "_blank");
    await line.hover();
    await line.getByRole("link", { name: /note at 43:30/i }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/8(\\?|#|$)`));
    await expect(page.locator("[data-notes] [data-note-id]").first()).toBeVisible();
  });

  test("a chapter without a source page says so", async ({ page }) => {
    await page.goto("/courses/kitchen-chemistry/2/source");
    await expect(page.locator("[data-no-source]")).toContainText("No source page yet");
    await expect(page.getByRole("link", { name: /The sheet/ })).toHaveAttribute("href", "/courses/kitchen-chemistry/2");
  });
});

/** Axe's serious and critical findings, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

test.describe("accessibility (axe): no serious or critical violations", () => {
  test("the search palette with results, and the shortcuts dialog", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/8`);
    await expect(page.locator("html[data-shortcuts=ready]")).toBeAttached();
    await page.keyboard.press("Control+k");
    await page.getByRole("combobox", { name: /Search/ }).fill("token");
    await expect(page.locator("[data-search-palette]").getByRole("option").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await expect(page.locator("[data-shortcut-help]")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  const pages = ["/", `/courses/${COURSE}`, `/courses/${COURSE}/8`, `/courses/${COURSE}/8/source`, "/notes"];
  for (const scheme of ["light", "dark"] as const) {
    for (const path of pages) {
      test(`${path} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.locator("html[data-shortcuts=ready]")).toBeAttached();
        const sheet = page.locator("[data-sheet]");
        if ((await sheet.count()) > 0) await expect(sheet).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
