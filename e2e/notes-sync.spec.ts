import { expect, test } from "./fixtures";
import { createNote, editingNoteId, openChapter, saveState, serverNotes, writeSavedNote } from "./notes-helpers";
import { spareServer } from "./notes-server";

test("edits made while the API cannot be reached survive a reload and are saved once it answers", async ({
  page,
  request,
}) => {
  await openChapter(page, 19);
  await page.locator("[data-add-note]").click();
  const input = page.locator("[data-note-input]");
  await input.fill("Typed while");
  const id = await editingNoteId(page);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");

  await page.route("**/api/notes**", (route) => route.abort("connectionrefused"));
  await input.pressSequentially(" the API was down", { delay: 5 });
  await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
  await expect(saveState(page)).toContainText("Offline — will retry");
  await expect(page.locator(`[data-note-id="${id}"]`)).toHaveAttribute("data-state", "offline");

  await page.reload();
  await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "failed");
  await expect(page.locator(`[data-note-id="${id}"] .note-body`)).toHaveText("Typed while the API was down");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
  expect((await serverNotes(request, 19)).find((note) => note.id === id)?.body).toBe("Typed while");

  await page.unroute("**/api/notes**");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 40_000 });
  expect((await serverNotes(request, 19)).find((note) => note.id === id)?.body).toBe("Typed while the API was down");
});

test("stopping the server while typing loses nothing: after a restart the note is saved without retyping", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const server = spareServer("notes-restart", 1);
  await server.start();
  try {
    await openChapter(page, 19, server.baseURL);
    const { input, id } = await writeSavedNote(page, "Before the stop.");

    await server.stop();
    await input.pressSequentially(" Typed while the server was stopped.", { delay: 5 });
    await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");

    await server.start();
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 40_000 });
    await expect(input).toHaveValue("Before the stop. Typed while the server was stopped.");
    expect((await serverNotes(request, 19, server.baseURL)).find((note) => note.id === id)?.body).toBe(
      "Before the stop. Typed while the server was stopped.",
    );
  } finally {
    await server.stop();
  }
});

test("a note first written while the server is down is created when it is back, once", async ({ page, request }) => {
  test.setTimeout(120_000);
  const server = spareServer("notes-create-offline", 2);
  await server.start();
  try {
    await openChapter(page, 20, server.baseURL);
    await server.stop();
    await page.locator("[data-add-note]").click();
    await page.locator("[data-note-input]").pressSequentially("Born offline", { delay: 5 });
    await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
    await server.start();
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 40_000 });
    const notes = await serverNotes(request, 20, server.baseURL);
    expect(notes.map((note) => note.body)).toEqual(["Born offline"]);
  } finally {
    await server.stop();
  }
});

test("two tabs editing one note: the stale write is refused and both texts survive until the user merges", async ({
  context,
  request,
}) => {
  const note = await createNote(request, { chapter: 21, body: "Line one\nLine two\nLine three" });
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  for (const tab of [tabA, tabB]) await openChapter(tab, 21);

  const edit = async (tab: typeof tabA, text: string) => {
    await tab.locator(`[data-note-id="${note.id}"]`).getByRole("button", { name: "Edit note" }).click();
    await tab.locator("[data-note-input]").fill(text);
  };
  await edit(tabA, "Line one, edited in tab A\nLine two\nLine three");
  await expect(saveState(tabA)).toHaveAttribute("data-save-state", "saved");
  await edit(tabB, "Line one\nLine two\nLine three, edited in tab B");

  const conflict = tabB.locator(`[data-note-id="${note.id}"] [data-conflict]`);
  await expect(conflict).toBeVisible();
  await expect(saveState(tabB)).toHaveAttribute("data-save-state", "conflict");
  await expect(conflict.locator("[data-conflict-mine]")).toContainText("Line three, edited in tab B");
  await expect(conflict.locator("[data-conflict-theirs]")).toContainText("Line one, edited in tab A");
  expect((await serverNotes(request, 21)).find((n) => n.id === note.id)?.body).toBe(
    "Line one, edited in tab A\nLine two\nLine three",
  );

  // A reload of tab B still shows both versions: the refused text lives in the browser.
  await tabB.reload();
  await expect(conflict.locator("[data-conflict-mine]")).toContainText("Line three, edited in tab B");

  await conflict.locator('[data-keep="merge"]').click();
  await expect(conflict.locator("[data-conflict-merged]")).toHaveValue(
    "Line one, edited in tab A\nLine two\nLine three, edited in tab B",
  );
  await conflict.getByRole("button", { name: "Save merged text" }).click();
  await expect(saveState(tabB)).toHaveAttribute("data-save-state", "saved");
  const merged = (await serverNotes(request, 21)).find((n) => n.id === note.id)!;
  expect(merged.body).toBe("Line one, edited in tab A\nLine two\nLine three, edited in tab B");
  expect(merged.version).toBe(3);
});
