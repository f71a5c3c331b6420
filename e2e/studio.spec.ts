import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { checkAllContent } from "@/lib/content/check";
import { compact, readPdf } from "../tests/pdf/pdf-reader";
import { expect, openSheet, test } from "./fixtures";
import { spareServer } from "./notes-server";

const SHEET = path.resolve("content/deep-dive-llms/06-inference/sheet.mdx");
const API = "/api/content/deep-dive-llms/6/sheet";
const ORIGINAL = fs.readFileSync(SHEET, "utf8");

/** Puts chapter 6 back as it was through the API, so the server's pages are rebuilt from it too. */
async function restoreChapter6(request: APIRequestContext) {
  const current = (await (await request.get(API)).json()) as { hash: string };
  if (fs.readFileSync(SHEET, "utf8") === ORIGINAL) return;
  const answer = await request.put(API, { data: { source: ORIGINAL, baseHash: current.hash } });
  expect(answer.status()).toBe(200);
  expect(fs.readFileSync(SHEET, "utf8")).toBe(ORIGINAL);
}

test.afterEach(async ({ request }) => {
  try {
    await restoreChapter6(request);
  } catch (error) {
    // The failure is still this test's, but the next test starts from the original file.
    fs.writeFileSync(SHEET, ORIGINAL);
    throw error;
  }
});

async function openStudio(page: Page, origin = "", chapter = 6) {
  await page.goto(`${origin}/courses/deep-dive-llms/${chapter}/edit`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.locator("[data-studio] [data-preview] [data-sheet]")).toHaveAttribute("data-ready", "true", {
    timeout: 30_000,
  });
  await page.locator("[data-studio-autosave]").uncheck();
}

/** The section form from the keyboard: id (focused), icon (null keeps 💡), title, Enter. */
async function fillSectionForm(page: Page, id: string, icon: string | null, title: string) {
  await page.keyboard.type(id);
  await expect(page.locator("[data-section-field=id]")).toHaveValue(id);
  await page.keyboard.press("Tab");
  if (icon !== null) {
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(icon);
  }
  await page.keyboard.press("Tab");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
}

async function typeAtEndOf(page: Page, lineText: string, text: string) {
  await page.locator(".cm-line", { hasText: lineText }).first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

test("edit chapter 6 in the studio: change a bullet, drag rows 3/4 to 40/25, save; page, PDF and check agree", async ({
  page,
  request,
}) => {
  // A chapter page, a PDF and a check of every sheet: slow on a busy 2-core machine.
  test.setTimeout(240_000);
  await openSheet(page, "/courses/deep-dive-llms/6");
  await expect(page.locator("[data-keys-for='sheet:6']")).toBeAttached();
  await page.keyboard.press("e");
  await expect(page).toHaveURL(/\/courses\/deep-dive-llms\/6\/edit$/);
  await openStudio(page);

  const preview = page.locator("[data-preview] [data-sheet]");
  await typeAtEndOf(page, "Training과 **다른 단계**:", " 두 단계 STUDIO-EDIT");
  await expect(preview).toContainText("STUDIO-EDIT");
  await expect(preview).toHaveAttribute("data-ready", "true");

  // The fit gauges are on every section once fitted.
  const sections = preview.locator("[data-section][data-fit-size]");
  expect(await sections.count()).toBe(5);
  for (const fill of await sections.evaluateAll((all) => all.map((s) => Number(s.getAttribute("data-fill"))))) {
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThanOrEqual(1);
  }
  await expect(page.locator("[data-fit-summary]")).toHaveAttribute(
    "data-fit-summary",
    /sections fit|under half full|overflow/,
  );

  const handle = page.locator('[data-handle="row-2-2"]');
  const box = await handle.boundingBox();
  const sheet = await preview.boundingBox();
  if (!box || !sheet) throw new Error("the row handle or the sheet is not on screen");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, sheet.y + sheet.height * 0.752, { steps: 6 });
  await expect(page.locator("[data-drag-numbers]")).toHaveText("40 / 25");
  await page.mouse.up();
  await expect(page.locator(".cm-line", { hasText: "{ height: 40, sections: [generation] }" })).toHaveCount(1);

  await page.keyboard.press("Control+s");
  await expect(page.locator("[data-studio-status]")).toHaveAttribute("data-studio-status", "saved");

  const saved = fs.readFileSync(SHEET, "utf8").split("\n");
  const before = ORIGINAL.split("\n");
  expect(saved).toHaveLength(before.length);
  const changed = before.flatMap((line, i) => (line === saved[i] ? [] : [i + 1]));
  expect(changed).toEqual([10, 11, 17]);
  expect(saved[9]).toBe("  - { height: 40, sections: [generation] }");
  expect(saved[10]).toBe("  - { height: 25, sections: [training-vs-inference, takeaways] }");

  await openSheet(page, "/courses/deep-dive-llms/6");
  await expect(page.locator("[data-sheet]")).toContainText("STUDIO-EDIT");
  await expect(page.locator('[data-sheet] [data-row="2"]')).toHaveAttribute("data-height", "40");
  const pdf = await readPdf(await (await request.get("/api/pdf/deep-dive-llms/6")).body());
  const [onlyPage] = pdf.pages;
  expect(pdf.pages).toHaveLength(1);
  expect(compact(onlyPage?.text ?? "")).toContain("STUDIO-EDIT");
  // The fixture courses hold broken sheets on purpose; the sample course must pass.
  const report = await checkAllContent();
  expect(report.errors.filter((error) => error.file.startsWith("content/"))).toEqual([]);
});

/** Each section's fitted size and each diagram's drawing (its relayout and the size of its smallest text). */
async function fittedSheet(sheet: ReturnType<Page["locator"]>) {
  return sheet.evaluate((element) => ({
    sections: [...element.querySelectorAll<HTMLElement>("[data-section][data-fit-size]")].map(
      (section) => `${section.dataset.section} ${section.dataset.fitSize} ${section.hasAttribute("data-overflow")}`,
    ),
    diagrams: [...element.querySelectorAll<HTMLElement>("[data-mermaid]")].map(
      (figure) =>
        `${figure.dataset.mermaid} ${figure.dataset.diagramRelayout ?? "as typed"} ${figure.dataset.diagramMinTextPt}`,
    ),
  }));
}

test("after edits, the preview is fitted and drawn exactly as the chapter page opened afresh", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Chapter 23: its two diagrams share a section that fits below the start size.
  const file = path.resolve("content/deep-dive-llms/23-where-to-find-llms/sheet.mdx");
  const original = fs.readFileSync(file, "utf8");
  try {
    await openStudio(page, "", 23);
    const preview = page.locator("[data-preview] [data-sheet]");
    // Each edit draws the page again; sections and diagrams that did not change keep what they had.
    for (const word of [" EINS", " ZWEI", " DREI"]) {
      const revision = Number(await page.locator("[data-preview-revision]").getAttribute("data-preview-revision"));
      await typeAtEndOf(page, "가장 대중적", word);
      await expect(page.locator(`[data-preview-revision="${revision + 1}"] [data-sheet]`)).toHaveAttribute(
        "data-ready",
        "true",
      );
    }
    await expect(preview).toContainText("EINS ZWEI DREI");
    const inStudio = await fittedSheet(preview);
    expect(inStudio.sections).toHaveLength(5);
    expect(inStudio.diagrams).toHaveLength(2);
    await page.keyboard.press("Control+s");
    await expect(page.locator("[data-studio-status]")).toHaveAttribute("data-studio-status", "saved");

    // A new document: nothing of the studio's remembered sizes or drawings.
    const fresh = await page.context().newPage();
    await openSheet(fresh, "/courses/deep-dive-llms/23");
    await expect(fresh.locator("[data-sheet]")).toContainText("EINS ZWEI DREI");
    expect(await fittedSheet(fresh.locator("[data-sheet]"))).toEqual(inStudio);
    await fresh.close();
  } finally {
    const api = "/api/content/deep-dive-llms/23/sheet";
    const { hash } = (await (await request.get(api)).json()) as { hash: string };
    await request.put(api, { data: { source: original, baseHash: hash } });
    expect(fs.readFileSync(file, "utf8")).toBe(original);
  }
});

test("a broken layout is marked at its line while the last good page stays on screen", async ({ page }) => {
  await openStudio(page);
  const preview = page.locator("[data-preview] [data-sheet]");
  await expect(preview).toContainText("WHAT IS INFERENCE?");
  const heightLine = page.locator(".cm-line", { hasText: "{ height: 10, sections: [title] }" });
  await heightLine.click();
  await page.keyboard.press("End");
  // From the end of `  - { height: 10, sections: [title] }` back to just after "10": make it 17.
  for (let i = 0; i < ", sections: [title] }".length; i++) await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("7");
  await expect(page.locator(".cm-line", { hasText: "{ height: 17, sections: [title] }" })).toHaveCount(1);
  const errors = page.locator("[data-studio-errors] li");
  await expect(errors.first()).toBeVisible();
  await expect(page.locator("[data-studio-errors]")).toContainText("row heights must sum to 100, they sum to 107");
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await expect(page.locator(".cm-gutter-lint .cm-lint-marker-error").first()).toBeVisible();
  // The old page is still there, whole.
  await expect(preview).toHaveAttribute("data-ready", "true");
  await expect(preview.locator("[data-section]")).toHaveCount(6);
  await expect(page.locator('[data-preview] [data-row="0"]')).toHaveAttribute("data-height", "10");

  await page.locator("[data-error-line]").first().click();
  const line = Number(await page.locator("[data-error-line]").first().getAttribute("data-error-line"));
  await expect(page.locator(".cm-lineNumbers .cm-activeLineGutter")).toHaveText(String(line));
});

test("a save over a file changed on disk is refused and shows both versions", async ({ page }) => {
  await openStudio(page);
  await typeAtEndOf(page, "Training과 **다른 단계**:", " MINE");
  const behind = ORIGINAL.replace("ChatGPT 대화 = 전부 inference", "ChatGPT 대화 = THEIRS inference");
  fs.writeFileSync(SHEET, behind);
  await page.locator("[data-studio-save]").click();
  await expect(page.locator("[data-studio-status]")).toHaveAttribute("data-studio-status", "conflict");
  const conflict = page.locator("[data-studio-conflict]");
  await expect(conflict.locator("[data-conflict-mine]")).toContainText("다른 단계**: MINE");
  await expect(conflict.locator("[data-conflict-theirs]")).toContainText("THEIRS inference");
  expect(fs.readFileSync(SHEET, "utf8")).toBe(behind);

  await conflict.locator("[data-keep=merge]").click();
  await expect(conflict.locator("[data-conflict-merged]")).toHaveValue(/MINE[\s\S]*THEIRS inference/);
  await conflict.getByRole("button", { name: "Put the merge in the editor" }).click();
  await page.locator("[data-studio-save]").click();
  await expect(page.locator("[data-studio-status]")).toHaveAttribute("data-studio-status", "saved");
  const merged = fs.readFileSync(SHEET, "utf8");
  expect(merged).toContain("다른 단계**: MINE");
  expect(merged).toContain("THEIRS inference");
});

test("stopping the server mid-edit loses nothing: after a restart the unsaved text is back", async ({ page }) => {
  test.setTimeout(120_000);
  const server = spareServer("studio-restart", 7);
  await server.start();
  try {
    await openStudio(page, server.baseURL);
    await typeAtEndOf(page, "Training과 **다른 단계**:", " BEFORE-STOP");
    await server.stop();
    await typeAtEndOf(page, "BEFORE-STOP", " WHILE-DOWN");
    await server.start();
    await page.goto(`${server.baseURL}/courses/deep-dive-llms/6/edit`);
    await expect(page.locator(".cm-content")).toContainText("BEFORE-STOP WHILE-DOWN");
    await expect(page.locator("[data-preview] [data-sheet]")).toContainText("WHILE-DOWN");
  } finally {
    await server.stop();
  }
});

test("the write API refuses other origins, non-JSON, huge bodies and paths outside the content", async ({
  request,
}) => {
  const { hash } = (await (await request.get(API)).json()) as { hash: string };
  const body = { source: "hijacked", baseHash: hash };
  const crossSite = await request.put(API, {
    data: body,
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  const crossPost = await request.post(API, { data: body, headers: { Origin: "https://evil.example" } });
  expect(crossPost.status()).toBe(405);
  const plain = await request.put(API, { data: JSON.stringify(body), headers: { "Content-Type": "text/plain" } });
  expect(plain.status()).toBe(415);
  const huge = await request.put(API, { data: { source: "x".repeat(3 * 1024 * 1024), baseHash: hash } });
  expect(huge.status()).toBe(413);
  const noField = await request.put(API, { data: { source: "x" } });
  expect(noField.status()).toBe(400);
  expect(((await noField.json()) as { field?: string }).field).toBe("baseHash");
  expect(fs.readFileSync(SHEET, "utf8")).toBe(ORIGINAL);

  const attempts = [
    "/api/content/..%2F..%2Fetc/1/sheet",
    "/api/content/deep-dive-llms/..%2F..%2F..%2Ftmp/sheet",
    "/api/content/deep-dive-llms/6%2F..%2F..%2F..%2Fescape/sheet",
    "/api/content/%2E%2E/6/sheet",
  ];
  for (const url of attempts) {
    const answer = await request.put(url, { data: { source: "escaped", baseHash: null } });
    expect([400, 404], url).toContain(answer.status());
  }
  expect(attempts).toHaveLength(4);
  expect(fs.existsSync(path.resolve("escape"))).toBe(false);
  expect(fs.existsSync("/tmp/sheet.mdx")).toBe(false);
});

test("the layout panel works from the keyboard, writes in place, keeps focus and Ctrl Z undoes it", async ({
  page,
}) => {
  await openStudio(page);
  const toggle = page.locator("[data-studio-layout-toggle]");
  await toggle.focus();
  await page.keyboard.press("Enter");
  const panel = page.locator("[data-layout-panel]");
  await expect(panel.locator("[data-layout-row]")).toHaveCount(4);

  // Row 4 up: the whole line moves, focus stays on the moved row's button.
  const up = panel.getByRole("button", { name: "Move row 4 up" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".cm-content")).toContainText(
    "{ height: 20, sections: [training-vs-inference, takeaways] }  - { height: 45, sections: [generation] }",
  );
  await expect(panel.getByRole("button", { name: "Move row 3 up" })).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(page.locator(".cm-content")).toContainText(
    "{ height: 45, sections: [generation] }  - { height: 20, sections: [training-vs-inference, takeaways] }",
  );

  // A height typed as a number: the row below gives the difference, the sum stays 100.
  const height = panel.getByRole("spinbutton", { name: "Row 3 height in percent" });
  await height.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("40");
  await page.keyboard.press("Enter");
  await expect(page.locator(".cm-line", { hasText: "{ height: 40, sections: [generation] }" })).toHaveCount(1);
  await expect(page.locator(".cm-line", { hasText: "{ height: 25, sections: [training-vs-inference" })).toHaveCount(1);
  await expect(height).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.locator(".cm-line", { hasText: "{ height: 41, sections: [generation] }" })).toHaveCount(1);

  // Taking a section out says it is unplaced; its text stays and the compiler lists it.
  await panel.getByRole("button", { name: "Take takeaways out of the layout" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.locator("[data-layout-unplaced]")).toHaveAttribute("data-layout-unplaced", "takeaways");
  await expect(page.locator("[data-studio-errors]")).toContainText(
    '<Section id="takeaways"> is not placed in the layout',
  );
  // (That error comes from the compiler finding the <Section> text, still in the file, placed nowhere.)

  // A new section in row 2 from the keyboard: into the layout and a <Section> stub at the end.
  await panel.getByRole("button", { name: "+ section in row 2" }).focus();
  await page.keyboard.press("Enter");
  await fillSectionForm(page, "new-idea", "🧪", "NEW IDEA");
  await expect(page.locator(".cm-content")).toContainText("sections: [what-is-inference, coin-flip, new-idea] }");
  // The page keeps the last good version while takeaways is unplaced; the new stub is in the text.
  await expect(page.locator("[data-studio-errors]")).not.toContainText("new-idea");
});

test("the insert palette: / on an empty line, filter, arrows, Enter; a Section goes into the layout too", async ({
  page,
}) => {
  await openStudio(page);
  // A blank line between two sections: `/` opens the palette instead of typing a slash.
  await page.locator(".cm-line", { hasText: '<Section id="coin-flip"' }).click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("/");
  const palette = page.locator("[data-insert-palette]");
  await expect(palette).toBeVisible();
  await page.keyboard.type("mermaid");
  await expect(palette.locator("[data-palette-item]")).toHaveCount(7);
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  // Back in the editor, on the same empty line: no slash was typed.
  await expect(page.locator(".cm-activeLine")).toHaveText("");
  await expect(page.locator(".cm-activeLine + .cm-line")).toContainText('<Section id="coin-flip"');
  // The page for the blank line is drawn before the form is typed in: a new page mounting while the
  // id was typed lost keystrokes on a loaded machine ("palet-pick" went into the layout and the text).
  await expect(page.locator("[data-preview-revision='1'] [data-sheet]")).toHaveAttribute("data-ready", "true");

  await page.locator("[data-studio-insert]").click();
  await page.keyboard.type("sect");
  await page.keyboard.press("Enter");
  await fillSectionForm(page, "palette-pick", null, "PALETTE PICK");
  await expect(page.locator(".cm-content")).toContainText(
    "sections: [training-vs-inference, takeaways, palette-pick] }",
  );
  await expect(page.locator(".cm-content")).toContainText('<Section id="palette-pick" icon="💡" title="PALETTE PICK">');
  await expect(page.locator("[data-preview] [data-sheet]")).toContainText("PALETTE PICK");
  await expect(page.locator("[data-studio-errors]")).toHaveAttribute("data-studio-errors", "0");

  // Inside a section: a table goes on the empty line the cursor is on.
  await page.locator(".cm-line", { hasText: "결과 = 학습 데이터의" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.press("/");
  await page.keyboard.type("table");
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-preview] [data-section='coin-flip'] table")).toHaveCount(1);
});

const SOURCE = path.resolve("content/deep-dive-llms/06-inference/source.md");
const SOURCE_API = "/api/content/deep-dive-llms/6/source";
const COURSE_API = "/api/content/deep-dive-llms/course";

test("the same studio edits source.md (its own preview, timestamps as links) and course.yaml (checked at its line)", async ({
  page,
  request,
}) => {
  const original = fs.readFileSync(SOURCE, "utf8");
  try {
    await openStudio(page);
    await page.locator("[data-studio-tab=source]").click();
    await expect(page).toHaveURL(/\/6\/edit\/source$/);
    await expect(page.locator("[data-studio=source] [data-preview] [data-seconds='1590'] a").first()).toHaveAttribute(
      "href",
      /t=1590/,
    );
    await page.locator("[data-studio-autosave]").uncheck();
    await typeAtEndOf(page, "# 6. 추론", " SOURCE-EDIT");
    await expect(page.locator("[data-preview]")).toContainText("추론 SOURCE-EDIT");
    await page.keyboard.press("Control+s");
    await expect(page.locator("[data-studio-status]")).toHaveAttribute("data-studio-status", "saved");
    expect(fs.readFileSync(SOURCE, "utf8")).toBe(original.replace("# 6. 추론", "# 6. 추론 SOURCE-EDIT"));
    const versions = await (await request.get(`${SOURCE_API}/history`)).json();
    expect(versions.versions.length).toBeGreaterThanOrEqual(2);
    await page.goto("/courses/deep-dive-llms/6/source");
    await expect(page.locator("[data-source-page]")).toContainText("추론 SOURCE-EDIT");

    await page.goto("/courses/deep-dive-llms/6/edit/course");
    await expect(page.locator("[data-preview] [data-course-outline] li")).toHaveCount(24);
    await page.locator("[data-studio-autosave]").uncheck();
    await typeAtEndOf(page, "author:", "\nchapters: 5");
    await expect(page.locator("[data-studio-errors] li").first()).toBeVisible();
    await expect(page.locator(".cm-gutter-lint .cm-lint-marker-error").first()).toBeVisible();
    await expect(page.locator("[data-preview] [data-course-outline] li")).toHaveCount(24);
  } finally {
    const { hash } = await (await request.get(SOURCE_API)).json();
    await request.put(SOURCE_API, { data: { source: original, baseHash: hash } });
    expect(fs.readFileSync(SOURCE, "utf8")).toBe(original);
  }
  const { hash } = await (await request.get(COURSE_API)).json();
  for (const url of [SOURCE_API, COURSE_API]) {
    const crossSite = await request.put(url, {
      data: { source: "hijacked", baseHash: hash },
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status(), url).toBe(403);
  }
  const traversal = await request.put("/api/content/..%2F..%2Ftmp/course", { data: { source: "x", baseHash: null } });
  expect([400, 404]).toContain(traversal.status());
  expect(fs.existsSync("/tmp/course.yaml")).toBe(false);
});
