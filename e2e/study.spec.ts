import type { Page } from "@playwright/test";
import { readPdf } from "../tests/pdf/pdf-reader";
import { expect, openSheet, test } from "./fixtures";

const CHAPTER_8 = "/courses/deep-dive-llms/8";

type Counts = { new: number; learning: number; due: number };

async function studyCounts(page: Page): Promise<Counts> {
  const text = await page.locator("[data-study-counts]").getAttribute("data-study-counts");
  const [fresh, learning, due] = (text ?? "").split("/").map(Number);
  if (fresh === undefined || learning === undefined || due === undefined) {
    throw new Error(`data-study-counts is not "new/learning/due": ${text}`);
  }
  return { new: fresh, learning, due };
}

async function apiCounts(page: Page, query: string): Promise<Counts> {
  const response = await page.request.get(`/api/review/due?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).counts;
}

/** Space shows the current card's answer in place, 3 rates it Good and moves on. */
async function rateCurrent(page: Page) {
  const current = page.locator("[data-sheet] [data-card-id][data-current]").first();
  await expect(current).toHaveAttribute("data-masked", "true");
  await page.keyboard.press("Space");
  await expect(current).not.toHaveAttribute("data-masked", "true");
  await expect(page.locator("[data-study-panel] [data-rating='3']")).toContainText(/Good \d+m/);
  await page.keyboard.press("3");
}

test.describe.configure({ mode: "serial" });

test("study chapter 8 in place: masks where the words stand, ten ratings change counts and mastery, kept on reload", async ({
  page,
}) => {
  await openSheet(page, CHAPTER_8);
  await expect(page.locator("[data-study-counts]")).toBeVisible();
  const before = await studyCounts(page);
  expect(before.new).toBeGreaterThan(10);
  await expect(page.locator("[data-study-mastery]")).toHaveAttribute("data-study-mastery", "0");

  await page.keyboard.press("t");
  await expect(page.locator("[data-sheet]")).toHaveAttribute("data-study", "on");
  const masks = page.locator("[data-sheet] [data-card-id][data-masked]");
  const maskCount = await masks.count();
  expect(maskCount).toBeGreaterThan(10);
  // a mask stands where its words stood: same box, text hidden
  const firstMask = masks.first();
  expect(await firstMask.evaluate((element) => getComputedStyle(element).visibility)).toBe("hidden");
  expect((await firstMask.boundingBox())?.width).toBeGreaterThan(5);
  await page.screenshot({ path: test.info().outputPath("study-mode.png") });

  for (let rated = 0; rated < 10; rated++) await rateCurrent(page);
  await expect(page.locator("[data-sheet] [data-card-id][data-rated]")).toHaveCount(10);
  // ← goes back to a rated card instead of changing chapter
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(new RegExp(`${CHAPTER_8}$`));

  await expect(page.locator("[data-study-pending]")).toHaveCount(0);
  await expect.poll(() => studyCounts(page).then((c) => c.new)).toBe(before.new - 10);
  await expect
    .poll(async () => Number(await page.locator("[data-study-mastery]").getAttribute("data-study-mastery")))
    .toBeGreaterThan(0);

  await page.getByRole("button", { name: "Reveal all" }).click();
  await expect(page.locator("[data-sheet]")).not.toHaveAttribute("data-study", "on");
  await expect(masks).toHaveCount(0);

  await page.reload();
  await expect.poll(() => studyCounts(page).then((c) => c.new)).toBe(before.new - 10);
  const mastery = Number(await page.locator("[data-study-mastery]").getAttribute("data-study-mastery"));
  expect(mastery).toBeCloseTo(10 / before.new, 5);
});

test("ratings made offline are kept and sent when the browser is back", async ({ page, context }) => {
  await openSheet(page, CHAPTER_8);
  await expect(page.locator("[data-study-counts]")).toBeVisible();
  const before = await apiCounts(page, "course=deep-dive-llms&chapter=8");
  await page.keyboard.press("t");
  await expect(page.locator("[data-sheet]")).toHaveAttribute("data-study", "on");
  // the first ten are rated: move to an unrated card
  const unrated = page.locator("[data-sheet] [data-card-id][data-masked]").first();
  await expect(unrated).toBeAttached();

  await context.setOffline(true);
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await rateCurrent(page);
  await rateCurrent(page);
  await expect(page.locator("[data-study-pending]")).toHaveAttribute("data-study-pending", "2");
  const stored = await page.evaluate(() => window.localStorage.getItem("study-sheets:review-outbox"));
  expect(JSON.parse(stored ?? "[]")).toHaveLength(2);

  await context.setOffline(false);
  await expect(page.locator("[data-study-pending]")).toHaveCount(0, { timeout: 20_000 });
  expect((await apiCounts(page, "course=deep-dive-llms&chapter=8")).new).toBe(before.new - 2);
});

test("/review takes the due cards of every course, one at a time", async ({ page }) => {
  const all = await page.request.get("/api/review/due?limit=500");
  const cards: { course: string }[] = (await all.json()).cards;
  const courses = new Set(cards.map((card) => card.course));
  expect(courses.has("deep-dive-llms") && courses.has("kitchen-chemistry")).toBe(true);

  await page.goto("/review?course=kitchen-chemistry");
  const card = page.locator("[data-review-card]");
  await expect(card).toContainText("kitchen-chemistry");
  const counts = page.locator("[data-review-counts]");
  const first = await counts.getAttribute("data-review-counts");
  const firstId = await card.getAttribute("data-review-card");
  await page.keyboard.press("Space");
  await expect(page.locator("[data-review-answer]")).toBeVisible();
  await page.keyboard.press("4");
  await expect(card).not.toHaveAttribute("data-review-card", firstId ?? "");
  await page.screenshot({ path: test.info().outputPath("review.png"), fullPage: true });

  await page.goto("/review");
  await expect(page.locator("[data-review-card]")).toContainText("deep-dive-llms");
  await expect(page.locator("svg[data-heatmap-days='84']")).toBeVisible();
  await expect(page.locator("svg[data-forecast-days='14']")).toBeVisible();
  await page.goto("/review?course=kitchen-chemistry");
  await expect(counts).not.toHaveAttribute("data-review-counts", first ?? "");
});

test("the quiz PDF of chapter 23 is one A4 page with blanks where the highlights were", async ({ page }) => {
  await openSheet(page, "/courses/deep-dive-llms/23/print?quiz=1");
  const blanks = page.locator("[data-quiz] [data-sheet] [data-card-id]");
  expect(await blanks.count()).toBeGreaterThanOrEqual(5);
  expect(
    await page
      .locator("[data-quiz] mark.sheet-highlight")
      .evaluateAll((marks) => marks.every((m) => getComputedStyle(m).visibility === "hidden")),
  ).toBe(true);
  await page.screenshot({ path: test.info().outputPath("quiz-23.png"), fullPage: true });

  const quiz = await page.request.get("/api/pdf/deep-dive-llms/23?quiz=1", { timeout: 60_000 });
  expect(quiz.status()).toBe(200);
  const pdf = await readPdf(await quiz.body());
  expect(pdf.pages).toHaveLength(1);
  const [quizPage] = pdf.pages;
  expect(Math.round(quizPage?.width ?? 0)).toBe(595);
  const plain = await readPdf(await (await page.request.get("/api/pdf/deep-dive-llms/23", { timeout: 60_000 })).body());
  const [plainPage] = plain.pages;
  for (const answer of ["Base 모델!", "대부분 Assistant만 제공!"]) {
    expect(plainPage?.text.replace(/\s+/g, "")).toContain(answer.replace(/\s+/g, ""));
    expect(quizPage?.text.replace(/\s+/g, "")).not.toContain(answer.replace(/\s+/g, ""));
  }
});
