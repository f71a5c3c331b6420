import fs from "node:fs";
import { expect, test } from "./fixtures";
import { COURSE, createNote } from "./notes-helpers";
import { spareServer } from "./notes-server";

test("export as JSON, import into an empty database: the same notes; importing again adds nothing", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const first = await createNote(request, {
    chapter: 23,
    section: "some-section",
    sectionTitle: "SOME SECTION",
    timestamp: 125,
    body: "Exported **note** 한국어",
  });
  await request.patch(`/api/notes/${first.id}`, { data: { body: "Exported **note** 한국어, edited", version: 1 } });
  await createNote(request, { chapter: 23, body: "Second exported note" });

  // The /notes page's export link, fetched as the browser would download it.
  await page.goto("/notes");
  const exportResponse = await request.get((await page.locator('[data-export="json"]').getAttribute("href"))!);
  expect(exportResponse.headers()["content-disposition"]).toMatch(
    /^attachment; filename="study-notes-all-\d{4}-\d\d-\d\d\.json"$/,
  );
  const file = test.info().outputPath("notes-export.json");
  fs.writeFileSync(file, await exportResponse.body());
  const exported = JSON.parse(fs.readFileSync(file, "utf8")) as { format: string; notes: { id: string }[] };
  expect(exported.format).toBe("study-sheets-notes");
  expect(exported.notes.find((note) => note.id === first.id)).toMatchObject({
    version: 2,
    timestamp: 125,
    sectionTitle: "SOME SECTION",
  });

  const markdown = await (await request.get(`/api/notes/export?course=${COURSE}&chapter=23&format=markdown`)).text();
  expect(markdown).toMatch(/## Deep Dive into LLMs like ChatGPT — 23\. /);
  expect(markdown).toContain("### Chapter notes");
  expect(markdown).toContain("### SOME SECTION");
  expect(markdown).toMatch(
    /#### \[⏱ 2:05\]\(https:\/\/www\.youtube\.com\/watch\?v=7xTGNNLPyMI&t=125s\) · \d{4}-\d\d-\d\d\n\nExported \*\*note\*\* 한국어, edited/,
  );

  const empty = spareServer("notes-import", 3);
  await empty.start();
  try {
    expect((await (await request.get(`${empty.baseURL}/api/notes/export?format=json`)).json()).notes).toEqual([]);
    await page.goto(`${empty.baseURL}/notes`);
    await page.locator("[data-import-notes]").setInputFiles(file);
    await expect(page.locator("[data-import-result]")).toHaveText(`Imported ${exported.notes.length} notes.`);
    await expect(page.locator(`[data-note-id="${first.id}"]`)).toContainText("Exported note 한국어, edited");

    const reexported = await (await request.get(`${empty.baseURL}/api/notes/export?format=json`)).json();
    expect(reexported.notes).toEqual(exported.notes);

    await page.locator("[data-import-notes]").setInputFiles(file);
    await expect(page.locator("[data-import-result]")).toHaveText(
      `Imported 0 notes; ${exported.notes.length} already here.`,
    );
    expect((await (await request.get(`${empty.baseURL}/api/notes/export?format=json`)).json()).notes).toHaveLength(
      exported.notes.length,
    );
  } finally {
    await empty.stop();
  }
});
