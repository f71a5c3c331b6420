import { everySheet, sheetFilesOnDisk } from "./every-sheet";
import { expect, openSheet, test } from "./fixtures";

interface Measured {
  sheet: { width: number; height: number };
  rows: {
    declared: number;
    height: number;
    width: number;
    cells: { id: string; declared: number; width: number; overflowX: number; overflowY: number; flagged: boolean }[];
  }[];
}

test("the layout loop covers every written sheet on disk", () => {
  expect(everySheet.length).toBeGreaterThan(0);
  expect(everySheet).toHaveLength(sheetFilesOnDisk().length);
});

test.describe("every sheet follows its layout exactly and nothing overflows, on screen and in print", () => {
  const cases = everySheet.flatMap((sheet) => (["screen", "print"] as const).map((media) => ({ ...sheet, media })));
  for (const { course, chapter, media } of cases) {
    test(`${course} ${chapter} (${media})`, async ({ page }) => {
      await page.emulateMedia({ media });
      await openSheet(page, `/courses/${course}/${chapter}/print`);
      const measured: Measured = await page.locator("[data-sheet]").evaluate((sheet) => {
        const rect = sheet.getBoundingClientRect();
        return {
          sheet: { width: rect.width, height: rect.height },
          rows: [...sheet.querySelectorAll<HTMLElement>("[data-row]")].map((row) => {
            const rowRect = row.getBoundingClientRect();
            return {
              declared: Number(row.dataset.height),
              height: rowRect.height,
              width: rowRect.width,
              cells: [...row.querySelectorAll<HTMLElement>(":scope > [data-section]")].map((cell) => {
                const body = cell.querySelector<HTMLElement>("[data-section-body]") ?? cell;
                return {
                  id: cell.dataset.section ?? "",
                  declared: Number(cell.dataset.width),
                  width: cell.getBoundingClientRect().width,
                  overflowX: body.scrollWidth - body.clientWidth,
                  overflowY: body.scrollHeight - body.clientHeight,
                  flagged: cell.hasAttribute("data-overflow"),
                };
              }),
            };
          }),
        };
      });

      // A4 at 96 dpi.
      expect(measured.sheet.width).toBeCloseTo((210 / 25.4) * 96, 0);
      expect(measured.sheet.height).toBeCloseTo((297 / 25.4) * 96, 0);
      expect(measured.rows.length).toBeGreaterThan(0);
      for (const row of measured.rows) {
        const share = (row.height / measured.sheet.height) * 100;
        expect(
          Math.abs(share - row.declared) / row.declared,
          `row of ${row.declared}% is ${share.toFixed(3)}%`,
        ).toBeLessThanOrEqual(0.005);
        for (const cell of row.cells) {
          const cellShare = (cell.width / row.width) * 100;
          expect(
            Math.abs(cellShare - cell.declared) / cell.declared,
            `${cell.id}: ${cell.declared}% is ${cellShare.toFixed(3)}%`,
          ).toBeLessThanOrEqual(0.005);
          expect(cell.overflowY, `${cell.id} overflows vertically`).toBeLessThanOrEqual(1);
          expect(cell.overflowX, `${cell.id} overflows horizontally`).toBeLessThanOrEqual(1);
          expect(cell.flagged, `${cell.id} needs text below 7 pt`).toBe(false);
        }
      }
    });
  }
});

test("a broken chapter shows its errors with file and line, and the others still render", async ({ page }) => {
  await page.goto("/courses/layout-lab/5");
  const errors = page.locator("[data-content-errors]");
  await expect(errors).toContainText("05-broken-layout/sheet.mdx:5");
  await expect(errors).toContainText("row heights must sum to 100");
  await expect(errors).toContainText('no <Section id="missing">');
  await expect(errors).toContainText("is not placed in the layout");

  await page.goto("/courses/layout-lab/6");
  await expect(page.locator("[data-content-errors]")).toContainText("06-broken-mdx/sheet.mdx:15");

  await openSheet(page, "/courses/layout-lab/4");
  await expect(page.locator("[data-section]")).toHaveCount(6);
});

test("a listed chapter without a sheet says it is not written yet", async ({ page }) => {
  await page.goto("/courses/layout-lab/7");
  await expect(page.locator("[data-not-written]")).toContainText("Not written yet");
});

test("the chapter page scales the sheet to the window and zooms to real size", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await openSheet(page, "/courses/deep-dive-llms/8");
  const box = page.locator(".sheet-viewer-box");
  const fitted = await box.boundingBox();
  expect(fitted && fitted.height).toBeLessThanOrEqual(700);
  await page.getByRole("button", { name: "100%" }).click();
  const real = await box.boundingBox();
  expect(real?.width).toBeCloseTo((210 / 25.4) * 96, 0);
  await page.getByRole("button", { name: "Zoom out" }).click();
  expect((await box.boundingBox())?.width).toBeLessThan(real?.width ?? 0);
});
