import fs from "node:fs";
import path from "node:path";
import { expect, openSheet, test } from "./fixtures";

/**
 * The hostile fixture course (tests/fixtures/content/hostile-lab): five sheets full of payloads, one
 * safe sheet and one chapter never written. The build that serves these tests was made with it.
 */
const COURSE = "hostile-lab";
const BROKEN: { chapter: number; errors: number; firstError: string }[] = [
  { chapter: 1, errors: 4, firstError: "01-broken-expressions/sheet.mdx:10:6" },
  { chapter: 2, errors: 2, firstError: "02-broken-esm/sheet.mdx:8:1" },
  { chapter: 3, errors: 9, firstError: "03-broken-handlers-and-html/sheet.mdx:10:1" },
  { chapter: 4, errors: 6, firstError: "04-broken-links-and-components/sheet.mdx:10:3" },
  { chapter: 5, errors: 1, firstError: "05-broken-layout-and-mermaid/sheet.mdx:5" },
];
const pwned = () => (globalThis as Record<string, unknown>).__sheetPwned;

test.describe("a hostile sheet is an error on its own page", () => {
  test("each broken chapter shows its errors at their lines, runs nothing, and its PDF is a 422", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    let checked = 0;
    for (const { chapter, errors, firstError } of BROKEN) {
      await page.goto(`/courses/${COURSE}/${chapter}`);
      const list = page.locator("[data-content-errors]");
      await expect(list).toBeVisible();
      await expect(list.locator("li")).toHaveCount(errors);
      await expect(list.locator("li").first()).toContainText(firstError);
      await expect(page.locator("[data-sheet]")).toHaveCount(0);
      expect(await page.evaluate(pwned)).toBeUndefined();

      const pdf = await page.request.get(`/api/pdf/${COURSE}/${chapter}`);
      expect(pdf.status()).toBe(422);
      const body = (await pdf.json()) as { errors: { text: string }[] };
      expect(body.errors).toHaveLength(errors);
      checked++;
    }
    expect(checked).toBe(BROKEN.length);
    expect(dialogs).toEqual([]);
    // Nothing of the payloads ran in Node either, neither while building nor while serving.
    expect(fs.existsSync(path.resolve("sheet-pwned.txt"))).toBe(false);
    expect(pwned()).toBeUndefined();
  });

  test("the safe chapter of the same course renders, links only where safe, and prints", async ({ page }) => {
    await openSheet(page, `/courses/${COURSE}/6`);
    const sheet = page.locator("[data-sheet]");
    await expect(sheet).toContainText("STILL WORKS");
    await expect(sheet.locator('a[href="https://mermaid.js.org"]')).toHaveCount(1);
    await expect(sheet.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
    await expect(sheet.locator("[data-diagram-state=rendered], svg").first()).toBeVisible();
    expect(await page.evaluate(pwned)).toBeUndefined();
    await page.screenshot({ path: "/tmp/i13-safe-chapter.png" });
    const pdf = await page.request.get(`/api/pdf/${COURSE}/6`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });

  test("the course page marks broken chapters with their error count and Continue skips unwritten and broken ones", async ({
    page,
  }) => {
    // The last chapter visited is broken, and chapter 7 is not written: Continue goes to chapter 6.
    const visited = await page.request.post("/api/progress", {
      data: { course: COURSE, chapter: 3, status: "studying", visited: true },
    });
    expect(visited.ok()).toBe(true);
    await page.goto(`/courses/${COURSE}`);
    await expect(page.locator(".chapter-card")).toHaveCount(7);
    await expect(page.locator("[data-broken-chapters]")).toHaveAttribute("data-broken-chapters", "5");
    await expect(page.locator(".course-meta")).toContainText("1 / 7 chapters written");
    let marked = 0;
    for (const { chapter, errors } of BROKEN) {
      const card = page.locator(`[data-chapter="${chapter}"]`);
      await expect(card).toHaveAttribute("data-broken", "true");
      await expect(card.locator("[data-error-count]")).toHaveAttribute("data-error-count", String(errors));
      await expect(card.locator("img")).toHaveCount(0);
      marked++;
    }
    expect(marked).toBe(BROKEN.length);
    await expect(page.locator('[data-chapter="6"]')).not.toHaveAttribute("data-broken", /.*/);
    await expect(page.locator('[data-chapter="7"]')).toContainText("not written yet");
    await expect(page.locator("[data-continue]")).toHaveAttribute("data-continue", "6");
    await page.screenshot({ path: "/tmp/i13-course-page.png", fullPage: true });

    await page.locator('[data-chapter="3"] a').click();
    await expect(page).toHaveURL(`/courses/${COURSE}/3`);
    await expect(page.locator("[data-content-errors]")).toBeVisible();
    await page.screenshot({ path: "/tmp/i13-error-page.png" });
  });

  test("the library counts broken chapters apart, and a broken course.yaml shows its own errors", async ({ page }) => {
    await page.goto("/");
    const card = page.locator(`[data-course="${COURSE}"]`);
    await expect(card).toContainText("1 / 7 chapters written");
    await expect(card.locator("[data-broken-chapters]")).toHaveAttribute("data-broken-chapters", "5");
    await expect(card.locator("[data-last-studied]")).toHaveAttribute("data-last-studied", /^6$/);
    const brokenCourse = page.locator('[data-course="broken-course"]');
    await expect(brokenCourse).toContainText("2 content errors");
    await page.screenshot({ path: "/tmp/i13-library.png", fullPage: true });

    await brokenCourse.getByRole("link").click();
    const errors = page.locator("[data-content-errors]");
    await expect(errors).toContainText("broken-course/course.yaml:3");
    await expect(errors.locator("li")).toHaveCount(2);
    // Every other course keeps working.
    await openSheet(page, "/courses/layout-lab/1");
  });
});
