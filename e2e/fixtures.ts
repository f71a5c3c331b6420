import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every e2e test fails if a page asks for anything outside 127.0.0.1: the app must work offline
 * (no web fonts, no CDNs, no telemetry).
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ context }, use) => {
      const outside: string[] = [];
      context.on("request", (request) => {
        const url = new URL(request.url());
        const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
        if (!local && !["data:", "blob:", "about:"].includes(url.protocol)) outside.push(request.url());
      });
      await use();
      expect(outside, "requests outside 127.0.0.1").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a page and waits until its sheet says it is ready (fonts loaded, diagrams drawn, text fitted). */
export async function openSheet(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("[data-sheet]")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}
