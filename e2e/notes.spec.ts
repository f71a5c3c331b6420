import { formatTimestamp } from "../lib/content/timestamps";
import { expect, openSheet, test } from "./fixtures";
import {
  COURSE,
  createNote,
  editingNoteId,
  openChapter,
  saveState,
  serverNotes,
  writeSavedNote,
} from "./notes-helpers";

test("a typed note autosaves, and is there after a reload", async ({ page, request }) => {
  await openChapter(page, 11);
  const { id } = await writeSavedNote(page, "Attention is **all** you need");
  expect((await serverNotes(request, 11)).find((note) => note.id === id)?.body).toBe("Attention is **all** you need");

  await page.reload();
  await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "loaded");
  await expect(page.locator(`[data-note-id="${id}"] .note-body strong`)).toHaveText("all");
  const outboxes = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("study-sheets:outbox:"))
      .map((key) => localStorage.getItem(key)),
  );
  expect(outboxes).toEqual([]);
});

test("a section's ✎ button writes a note on that section, counted on the sheet; notes of a removed section stay visible", async ({
  page,
  request,
}) => {
  await openSheet(page, `/courses/${COURSE}/12`);
  const section = (await page.locator("[data-section]:has(.sheet-note-button)").first().getAttribute("data-section"))!;
  const button = page.locator(`[data-section="${section}"] .sheet-note-button`);
  await button.click();
  await page.locator("[data-note-input]").fill("A note on this section");
  const id = await editingNoteId(page);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  await expect(page.locator(`[data-notes-group="${section}"] [data-note-id="${id}"]`)).toBeVisible();
  await expect(button).toHaveAttribute("data-note-count", "1");
  const saved = (await serverNotes(request, 12)).find((note) => note.id === id)!;
  expect(saved.section).toBe(section);
  expect(saved.sectionTitle).toBeTruthy();

  const orphan = await createNote(request, {
    chapter: 12,
    section: "a-section-since-renamed",
    sectionTitle: "THE OLD TITLE",
    body: "Written before the rename",
  });
  await page.reload();
  const moved = page.locator('[data-notes-group="moved"]');
  await expect(moved).toContainText("Moved or removed sections");
  await expect(moved).toContainText("THE OLD TITLE");
  await expect(moved.locator(`[data-note-id="${orphan.id}"]`)).toContainText("Written before the rename");
});

test("n writes a chapter note; Markdown preview, a moment of the video, delete and undo", async ({ page, request }) => {
  await openSheet(page, `/courses/${COURSE}/13`);
  await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "loaded");
  await page.keyboard.press("n");
  const input = page.locator("[data-note-input]");
  await expect(input).toBeFocused();
  await input.fill("- first point\n- second point");
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.locator("[data-notes] .note-preview li")).toHaveText(["first point", "second point"]);
  const id = await editingNoteId(page);
  const moment = page.locator("[data-notes] .note-moment-input");
  await moment.fill("1:2:3");
  await moment.blur();
  await expect(moment).toHaveAttribute("aria-invalid", "true");
  await moment.fill("1:02:03");
  await moment.press("Enter");
  await page.keyboard.press("Escape");
  const card = page.locator(`[data-notes] [data-note-id="${id}"]`);
  await expect(card.locator(".note-time")).toHaveText("⏱ 1:02:03");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  expect((await serverNotes(request, 13)).find((note) => note.id === id)).toMatchObject({
    timestamp: 3723,
    body: "- first point\n- second point",
    section: null,
  });

  await card.getByRole("button", { name: "Delete note" }).click();
  await expect(card).toHaveCount(0);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  expect((await serverNotes(request, 13)).some((note) => note.id === id)).toBe(false);
  await page.locator("[data-undo]").click();
  await expect(card).toBeVisible();
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  expect((await serverNotes(request, 13)).find((note) => note.id === id)?.body).toBe("- first point\n- second point");
});

test("study progress: studying, then done, kept after a reload", async ({ page, request }) => {
  await openChapter(page, 14);
  const progress = page.getByRole("group", { name: "Study progress" });
  await expect(progress.getByRole("radio", { name: "Not started" })).toBeChecked();
  await progress.getByRole("radio", { name: "Studying" }).check();
  await expect(progress.getByRole("radio", { name: "Studying" })).toBeChecked();
  await progress.getByRole("radio", { name: "Studying" }).press("ArrowRight");
  await expect(progress.getByRole("radio", { name: /Done/ })).toBeChecked();
  await expect(page.locator("[data-progress]")).toHaveAttribute("data-progress", "done");
  await expect
    .poll(async () => (await (await request.get(`/api/progress?course=${COURSE}&chapter=14`)).json()).status)
    .toBe("done");
  await page.reload();
  await expect(page.getByRole("radio", { name: /Done/ })).toBeChecked();
  await expect(page.locator(".notes-progress-meta")).toContainText("Last visited");
  const stored = await (await request.get(`/api/progress?course=${COURSE}&chapter=14`)).json();
  expect(stored).toMatchObject({ status: "done" });
  expect(stored.lastVisitedAt).not.toBeNull();
});

test("a transcript line's ✎ opens the chapter with a new note at that moment", async ({ page, request }) => {
  await page.goto(`/courses/${COURSE}/8/source`);
  const button = page.locator("[data-note-at]").nth(3);
  const seconds = Number(await button.getAttribute("data-note-at"));
  await button.click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/8$`));
  const input = page.locator("[data-note-input]");
  await expect(input).toBeFocused();
  await expect(page.locator("[data-notes] .note-moment-input")).toHaveValue(formatTimestamp(seconds));
  await input.fill("What was said at this moment");
  const id = await editingNoteId(page);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  expect((await serverNotes(request, 8)).find((note) => note.id === id)).toMatchObject({
    timestamp: seconds,
    body: "What was said at this moment",
  });
});

test("the print view with ?notes=1 adds the notes on their own pages; the panel never prints", async ({
  page,
  request,
}) => {
  const sectionNote = await createNote(request, {
    chapter: 16,
    section: "printed-section",
    sectionTitle: "PRINTED SECTION",
    timestamp: 95,
    body: "Printed **in hand**",
  });
  await createNote(request, { chapter: 16, body: "A chapter note for paper" });
  await openSheet(page, `/courses/${COURSE}/16/print?notes=1`);
  const printed = page.locator("[data-print-notes]");
  await expect(printed).toContainText("A chapter note for paper");
  await expect(printed.locator(`[data-note-id="${sectionNote.id}"]`)).toContainText("⏱ 1:35");
  await expect(printed.locator(`[data-note-id="${sectionNote.id}"] strong`)).toHaveText("in hand");
  await expect(printed).toContainText("PRINTED SECTION");
  expect(await printed.evaluate((element) => getComputedStyle(element).breakBefore)).toBe("page");

  await openSheet(page, `/courses/${COURSE}/16/print`);
  await expect(page.locator("[data-print-notes]")).toHaveCount(0);

  await openChapter(page, 16);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("[data-notes]")).toBeHidden();
});

test("/notes lists notes by course and chapter and links back to them", async ({ page, request }) => {
  const here = await createNote(request, { chapter: 17, timestamp: 61, body: "Seventeen's note" });
  await createNote(request, { chapter: 18, body: "Eighteen's note" });
  await page.goto("/notes");
  await expect(page.locator(`[data-note-id="${here.id}"]`)).toBeVisible();
  await expect(page.locator("[data-notes-page]")).toContainText("Eighteen's note");

  await page.getByLabel("Course").selectOption(COURSE);
  await expect(page).toHaveURL(/course=deep-dive-llms/);
  await page.getByLabel("Chapter").selectOption("17");
  await expect(page).toHaveURL(/chapter=17/);
  await expect(page.locator("[data-notes-page]")).not.toContainText("Eighteen's note");
  await expect(page.locator('[data-export="markdown"]')).toHaveAttribute(
    "href",
    `/api/notes/export?course=${COURSE}&chapter=17&format=markdown`,
  );
  await expect(page.locator(`[data-note-id="${here.id}"] .note-time`)).toHaveAttribute(
    "href",
    `/courses/${COURSE}/17/source#t-61`,
  );

  await page
    .locator(`[data-note-id="${here.id}"]`)
    .getByRole("link", { name: /Open on the sheet/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/17\\?note=${here.id}`));
  await expect(page.locator(`[data-notes] [data-note-id="${here.id}"]`)).toBeInViewport();
});
