import fs from "node:fs";
import type { Page } from "@playwright/test";
import { inkShare, rasterisePage, readPdf } from "../tests/pdf/pdf-reader";
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
  // a mask stands where its words stood: same box, words hidden, a pen line drawn instead
  const firstMask = masks.first();
  await expect(firstMask.locator(".sheet-answer")).toHaveCSS("visibility", "hidden");
  await expect(firstMask).toHaveCSS("background-image", /linear-gradient/);
  expect((await firstMask.boundingBox())?.width).toBeGreaterThan(5);
  await page.screenshot({ path: test.info().outputPath("study-mode.png") });
  // a blank whose words wrap (a narrow cell), to look at: the pen line is on each of its lines
  const wraps = await masks.evaluateAll((all) => all.findIndex((mask) => mask.getClientRects().length >= 2));
  if (wraps >= 0)
    await masks
      .nth(wraps)
      .locator("xpath=ancestor::*[self::td or self::li or self::p][1]")
      .screenshot({ path: test.info().outputPath("study-wrapped-blank.png") });

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

/** The current card on /review: its kind, and how its section shows it (masked answer, the rest visible). */
async function reviewedCard(page: Page) {
  const card = page.locator("[data-review-card]");
  const drawn = card.locator("[data-review-sheet]");
  await expect(drawn.locator(".sheet-section .sheet-section-title")).toBeVisible();
  const answer = drawn.locator("[data-current]");
  await expect(answer).toHaveCount(1);
  await expect(answer).toHaveAttribute("data-masked", "true");
  await expect(answer.locator(".sheet-answer")).toHaveCSS("visibility", "hidden");
  // the other answers of the section stay readable
  await expect(drawn.locator("[data-masked]")).toHaveCount(1);
  return {
    card,
    drawn,
    answer,
    kind: (await card.getAttribute("data-card-kind")) ?? "",
    id: await card.getAttribute("data-review-card"),
  };
}

test("/review shows each card inside its own section of its sheet, across two courses", async ({ page }) => {
  // up to forty cards rated one by one on a busy machine
  test.setTimeout(180_000);
  const all = await page.request.get("/api/review/due?limit=500");
  const cards: { course: string }[] = (await all.json()).cards;
  const courses = new Set(cards.map((card) => card.course));
  expect(courses.has("deep-dive-llms") && courses.has("kitchen-chemistry")).toBe(true);

  await page.goto("/review?course=kitchen-chemistry");
  const first = await reviewedCard(page);
  await expect(first.card).toContainText("kitchen-chemistry");
  const counts = page.locator("[data-review-counts]");
  const before = await counts.getAttribute("data-review-counts");
  await page.keyboard.press("Space");
  await expect(first.answer).not.toHaveAttribute("data-masked", "true");
  await expect(first.answer.locator(".sheet-answer")).toHaveCSS("visibility", "visible");
  await page.screenshot({ path: test.info().outputPath("review-kitchen.png"), fullPage: true });
  await page.keyboard.press("4");
  await expect(first.card).not.toHaveAttribute("data-review-card", first.id ?? "");

  // every kind of card of chapter 8 (cramming it): each masked where it stands in its section
  await page.goto("/review?course=deep-dive-llms&chapter=8&ahead=1");
  await expect(page.locator(".review-mode")).toContainText("Cramming");
  const seen = new Set<string>();
  for (let n = 0; n < 40 && seen.size < 4; n++) {
    const { card, drawn, answer, kind, id } = await reviewedCard(page);
    await expect(card).toContainText("deep-dive-llms");
    if (kind === "term") {
      await expect(answer.locator("xpath=ancestor::span[@class='sheet-term'][1]//dfn")).toBeVisible();
    } else if (kind === "term-reverse") {
      await expect(answer).toHaveJSProperty("tagName", "DFN");
      await expect(answer.locator("xpath=..").locator(".sheet-term-kr .sheet-answer")).toHaveCSS(
        "visibility",
        "visible",
      );
    } else if (kind === "table") {
      // the row's head and the column's head are on the page, only the cell is blank
      const cell = answer.locator("xpath=ancestor::td[1]");
      const row = cell.locator("xpath=..");
      await expect(row.locator("td").first()).not.toHaveText("");
      await expect(drawn.locator("thead th").first()).toBeVisible();
    }
    if (!seen.has(kind)) await page.screenshot({ path: test.info().outputPath(`review-${kind}.png`) });
    seen.add(kind);
    await page.keyboard.press("Space");
    await expect(answer).not.toHaveAttribute("data-masked", "true");
    await page.keyboard.press("3");
    await expect(card).not.toHaveAttribute("data-review-card", id ?? "");
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(["highlight", "table", "term", "term-reverse"]));

  await page.goto("/review");
  await expect(page.locator("svg[data-heatmap-days='84']")).toBeVisible();
  await expect(page.locator("svg[data-forecast-days='14']")).toBeVisible();
  // every rating has reached the server: the kitchen card's rating changed that course's counts
  await expect(page.locator(".review-counts .study-pending")).toHaveCount(0);
  const kitchen = await apiCounts(page, "course=kitchen-chemistry");
  expect(`${kitchen.new}/${kitchen.learning}/${kitchen.due}`).not.toBe(before);
  await page.goto("/review?course=kitchen-chemistry");
  await expect(counts).toHaveAttribute("data-review-counts", `${kitchen.new}/${kitchen.learning}/${kitchen.due}`);
});

test("the quiz PDF of chapter 23 is one A4 page with blanks where the highlights were", async ({ page }) => {
  await openSheet(page, "/courses/deep-dive-llms/23/print?quiz=1");
  const blanks = page.locator("[data-quiz] [data-sheet] [data-card-id]");
  expect(await blanks.count()).toBeGreaterThanOrEqual(5);
  expect(
    await page
      .locator("[data-quiz] mark.sheet-highlight .sheet-answer")
      .evaluateAll((words) => words.length > 0 && words.every((w) => getComputedStyle(w).visibility === "hidden")),
  ).toBe(true);
  await page.screenshot({ path: test.info().outputPath("quiz-23.png"), fullPage: true });
  // the line boxes of every blank whose words wrap onto more lines, as printed, from the sheet's corner
  await page.emulateMedia({ media: "print" });
  const wrapped = await page.locator("[data-quiz] [data-sheet]").evaluate((sheet) => {
    const origin = sheet.getBoundingClientRect();
    return [...sheet.querySelectorAll("[data-card-id]")]
      .map((blank) =>
        [...blank.getClientRects()].map((r) => ({
          x: r.x - origin.x,
          y: r.y - origin.y,
          width: r.width,
          height: r.height,
        })),
      )
      .filter((lines) => lines.length >= 2);
  });
  expect(wrapped.length).toBeGreaterThan(0);

  const quiz = await page.request.get("/api/pdf/deep-dive-llms/23?quiz=1", { timeout: 60_000 });
  expect(quiz.status()).toBe(200);
  const quizBytes = await quiz.body();
  fs.writeFileSync(test.info().outputPath("quiz-23.pdf"), quizBytes);
  // the pen line is under every line of a wrapped blank (that no words are left: the text below)
  const image = rasterisePage(quizBytes, 1, 96);
  for (const [blank, lines] of wrapped.entries()) {
    for (const [n, line] of lines.entries()) {
      const underline = { x: line.x + 1, y: line.y + line.height - 3, width: line.width - 2, height: 4 };
      expect(inkShare(image, underline), `pen line under line ${n + 1} of blank ${blank + 1}`).toBeGreaterThan(0.1);
    }
  }
  const pdf = await readPdf(quizBytes);
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
