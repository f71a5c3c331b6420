import { expect, test } from "./fixtures";
test("debug", async ({ page }) => {
  await page.goto(`/courses/deep-dive-llms/8`);
  await expect(page.locator("html[data-shortcuts=ready]")).toBeAttached();
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: /Search/ }).fill("token");
  await expect(page.locator("[data-search-palette]").getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Escape");
  console.log("after esc:", await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)), await page.locator("[data-search-palette]").isVisible());
  await page.keyboard.press("?");
  await page.waitForTimeout(500);
  console.log("after ?:", await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)), await page.locator("[data-shortcut-help]").isVisible(), await page.locator("[data-search-palette] input").inputValue());
});
