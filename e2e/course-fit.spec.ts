import fs from "node:fs";
import { expect, openSheet, test } from "./fixtures";

/** Every written chapter of the sample course (the folders holding a sheet). */
const CHAPTERS = fs
  .readdirSync("content/deep-dive-llms", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(`content/deep-dive-llms/${entry.name}/sheet.mdx`))
  .map((entry) => Number(entry.name.slice(0, 2)));

test("the gauges on our own course: no section under half full, no text under 7 pt, diagram text ≥ 6 pt or a warning", async ({
  page,
}) => {
  // 24 sheets fitted in Chromium, one after the other, on a busy machine.
  test.setTimeout(900_000);
  expect(CHAPTERS).toHaveLength(24);
  for (const chapter of CHAPTERS) {
    await openSheet(page, `/courses/deep-dive-llms/${chapter}/print`);
    const found = await page.locator("[data-sheet]").evaluate((sheet) => {
      const sections = [...sheet.querySelectorAll<HTMLElement>("[data-section][data-fill]")].map((s) => ({
        id: s.dataset.section ?? "",
        fill: Number(s.dataset.fill),
        warned: s.hasAttribute("data-diagram-warning"),
      }));
      // Every element that holds text of its own, outside the diagrams' SVG: its computed size in pt.
      const sizes = [...sheet.querySelectorAll<HTMLElement>("*")]
        .filter((el) => !el.closest("svg") && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
        .map((el) => ({
          text: el.textContent?.trim().slice(0, 30) ?? "",
          pt: (parseFloat(getComputedStyle(el).fontSize) * 3) / 4,
        }));
      const diagrams = [...sheet.querySelectorAll<HTMLElement>("[data-diagram-min-text-pt]")].map((figure) => ({
        pt: Number(figure.dataset.diagramMinTextPt),
        warned: figure.hasAttribute("data-diagram-warning"),
      }));
      return { sections, small: sizes.filter((s) => s.pt < 6.999), diagrams };
    });
    expect(found.sections.length, `chapter ${chapter}`).toBeGreaterThan(0);
    expect(found.sections.filter((s) => s.fill < 0.5).map((s) => `${chapter}:${s.id}`)).toEqual([]);
    expect(found.small.map((s) => `${chapter}: ${s.pt.toFixed(2)} pt "${s.text}"`)).toEqual([]);
    expect(found.diagrams.filter((d) => d.pt < 6 && !d.warned).map((d) => `${chapter}: ${d.pt} pt`)).toEqual([]);
  }
});
