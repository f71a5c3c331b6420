import { expect, test } from "./fixtures";
import { openChapter, saveState, serverNotes, writeSavedNote } from "./notes-helpers";
import { spareServer } from "./notes-server";

test("server killed with a save in flight (written, not yet answered): after a restart the text is there once", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  // E2E_PORT + 100: a port of its own, apart from the other spare servers.
  const server = spareServer("notes-in-flight", -300);
  await server.start();
  try {
    await openChapter(page, 22, server.baseURL);
    const { input, id } = await writeSavedNote(page, "Saved first.");

    let killed = false;
    await page.route(`**/api/notes/${id}`, async (route) => {
      if (killed || route.request().method() !== "PATCH") return route.continue();
      killed = true;
      // The request reaches the server and is committed; the server dies before the browser hears back.
      const reached = await route.fetch();
      expect(reached.status()).toBe(200);
      await server.stop();
      await route.abort("connectionreset");
    });
    await input.pressSequentially(" In flight when the server died.", { delay: 5 });
    await expect.poll(() => killed).toBe(true);
    await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");

    await server.start();
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 40_000 });
    const expected = "Saved first. In flight when the server died.";
    await expect(input).toHaveValue(expected);
    const notes = await serverNotes(request, 22, server.baseURL);
    expect(notes.map((note) => note.body)).toEqual([expected]);
    expect((notes[0]?.body ?? "").split("In flight").length - 1, "the edit is applied once, not twice").toBe(1);
    await expect(page.locator("[data-conflict]")).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test("really offline: the edit waits, and going online sends it at once, not after the backoff", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  await openChapter(page, 23);
  const { input, id } = await writeSavedNote(page, "Written online.");

  await context.setOffline(true);
  await input.pressSequentially(" Written offline.", { delay: 5 });
  await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
  // Several failed tries: the next automatic retry is now 8 s or more away (1, 2, 4, 8 s backoff).
  await page.waitForTimeout(9_000);
  expect((await serverNotes(request, 23)).find((note) => note.id === id)?.body).toBe("Written online.");

  await context.setOffline(false);
  const online = Date.now();
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 4_000 });
  expect(Date.now() - online, "sent by the online listener, not the backoff timer").toBeLessThan(4_000);
  const saved = (await serverNotes(request, 23)).find((note) => note.id === id);
  expect(saved?.body).toBe("Written online. Written offline.");
});
