import { execFileSync } from "node:child_process";
import fs from "node:fs";
import en from "@/messages/en.json" with { type: "json" };
import ko from "@/messages/ko.json" with { type: "json" };
import { expect, test } from "./fixtures";
import { COURSE } from "./notes-helpers";
import { spareServer } from "./notes-server";

/**
 * A database the server cannot write (issue 14, item 6): every API route that needs it, the PDF
 * routes included, answers 503 with `{ error }` naming the file; a page says so in the app's own
 * look and language. Never an empty 500.
 */

const isRoot = process.getuid?.() === 0;

/** Unwritable for this process; as root (which ignores file modes) immutable, which binds root too. */
function setWritable(file: string, writable: boolean): void {
  if (isRoot) execFileSync("chattr", [writable ? "-i" : "+i", file]);
  else fs.chmodSync(file, writable ? 0o644 : 0o444);
}

test("an unwritable database: 503 { error } from the APIs and PDFs, a translated page in the app's look", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = spareServer("database-unavailable", 9);
  setWritable(server.databasePath, false);
  try {
    await server.start((status) => status === 503);
    const answers: [string, string][] = [
      ["GET", `/api/notes?course=${COURSE}&chapter=1`],
      ["POST", "/api/notes"],
      ["GET", "/api/notes/export?format=json"],
      ["GET", `/api/progress?course=${COURSE}&chapter=1`],
      ["GET", "/api/review/due"],
      ["GET", `/api/pdf/${COURSE}/1`],
      ["GET", `/api/pdf/${COURSE}/1?notes=1`],
      ["GET", `/api/pdf/${COURSE}`],
      ["POST", `/api/pdf/${COURSE}`],
    ];
    for (const [method, path] of answers) {
      const body = method === "POST" && path === "/api/notes" ? { course: COURSE, chapter: 1, body: "x" } : undefined;
      const response = await fetch(server.baseURL + path, {
        method,
        headers: body ? { "content-type": "application/json" } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(503);
      const answer = (await response.json()) as { error: string };
      expect(answer.error, `${method} ${path}`).toContain(server.databasePath);
    }

    for (const [locale, messages] of [
      ["en-US", en],
      ["ko-KR", ko],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${server.baseURL}/`);
      const card = page.locator("[data-page-error] .not-written");
      await expect(card).toContainText(messages.errors.page.title);
      await expect(card).toContainText(messages.errors.page.retry);
      // A page of the app: its header (home link, search, language switch) above the notebook card.
      await expect(page.locator(".app-header .app-logo")).toBeVisible();
      await page.screenshot({ path: `.cache/e2e-${process.env.E2E_PORT ?? 3210}/database-unavailable-${locale}.png` });
      await context.close();
    }
  } finally {
    setWritable(server.databasePath, true);
    await server.stop();
  }
});
