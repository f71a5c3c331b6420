import { expect, test } from "@playwright/test";

test("the app has an icon, a favicon and a web manifest, linked from every page", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(icons).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg"]));

  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Study Sheets", start_url: "/", display: "standalone" });
  const files: string[] = ["/favicon.ico", ...manifest.icons.map((icon: { src: string }) => icon.src)];
  expect(files).toHaveLength(4);
  for (const file of files) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toMatch(/^image\//);
  }
});
