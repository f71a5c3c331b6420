import { expect, openSheet, test } from "./fixtures";

/**
 * Real-world diagrams (tests/fixtures/content/diagram-world, 18 types written from Mermaid's syntax
 * documentation): each either renders with text of at least 6 pt on paper or shows its warning;
 * none is blank while "rendered"; the icon packs draw offline.
 */
const WORLD = "/courses/diagram-world";
const DIAGRAMS_BY_CHAPTER: Record<number, string[]> = {
  1: ["c4", "architecture", "timeline", "gantt"],
  2: ["fork", "sequence", "class", "state"],
  3: ["er", "journey", "git", "mindmap"],
  4: ["pie", "quadrant", "xy", "sankey", "packet", "kanban"],
};

interface Drawn {
  key: string;
  state?: string;
  minPt?: string;
  warning?: string;
  texts: number;
  shapes: number;
  nan: boolean;
}

test.describe("diagrams written elsewhere work here", () => {
  let covered = 0;
  for (const [chapter, ids] of Object.entries(DIAGRAMS_BY_CHAPTER)) {
    test(`diagram-world ${chapter}: ${ids.join(", ")} are legible or warned, never blank`, async ({ page }) => {
      await openSheet(page, `${WORLD}/${chapter}/print`);
      const drawn: Drawn[] = await page.locator("[data-mermaid]").evaluateAll((figures) =>
        figures.map((figure) => {
          const element = figure as HTMLElement;
          const svg = element.querySelector(".sheet-mermaid-svg svg");
          const markup = svg?.outerHTML ?? "";
          return {
            key: element.dataset.mermaid ?? "",
            state: element.dataset.state,
            minPt: element.dataset.diagramMinTextPt,
            warning: element.dataset.diagramWarning,
            texts: svg
              ? [...svg.querySelectorAll("text, foreignObject")].filter((t) => (t.textContent ?? "").trim() !== "")
                  .length
              : 0,
            shapes: svg ? svg.querySelectorAll("path, rect, circle, ellipse, polygon, line").length : 0,
            nan: /="[^"]*\bNaN\b/.test(markup),
          };
        }),
      );
      expect(drawn.map((d) => d.key)).toEqual(ids.map((id) => `${id}/1`));
      for (const diagram of drawn) {
        expect(diagram.state, `${diagram.key} is rendered`).toBe("rendered");
        expect(diagram.nan, `${diagram.key} has no NaN coordinates`).toBe(false);
        expect(diagram.texts + diagram.shapes, `${diagram.key} is not blank`).toBeGreaterThan(0);
        const pt = Number(diagram.minPt);
        expect(Number.isFinite(pt), `${diagram.key} has its text measured`).toBe(true);
        if (pt < 6)
          expect(diagram.warning, `${diagram.key} at ${pt} pt warns`).toMatch(
            /text \d+(\.\d+)? pt: give this section more room or split the diagram/,
          );
        else expect(diagram.warning, `${diagram.key} at ${pt} pt does not warn`).toBeUndefined();
        covered++;
      }
      await page.screenshot({ path: `/tmp/i13-diagram-world-${chapter}.png`, fullPage: true });
    });
  }

  test("covered every diagram of the course", () => {
    expect(covered).toBe(Object.values(DIAGRAMS_BY_CHAPTER).flat().length);
  });

  test("architecture icons from the logos pack draw offline, with no ? placeholder", async ({ page }) => {
    await openSheet(page, `${WORLD}/1`);
    const architecture = page.locator('[data-mermaid="architecture/1"] .sheet-mermaid-svg svg');
    const services = architecture.locator(".architecture-service");
    await expect(services).toHaveCount(3);
    // An unknown icon is drawn as a "?" text; a known one as the pack's own paths.
    const questionMarks = await architecture
      .locator("text")
      .evaluateAll((texts) => texts.filter((t) => t.textContent?.trim() === "?").length);
    expect(questionMarks).toBe(0);
    expect(await architecture.locator(".architecture-service path, .architecture-groups path").count()).toBeGreaterThan(
      3,
    );
  });

  test("the gantt by week is drawn with its tasks, and no NaN today-marker is left", async ({ page }) => {
    await openSheet(page, `${WORLD}/1`);
    const gantt = page.locator('[data-mermaid="gantt/1"] .sheet-mermaid-svg svg');
    await expect(gantt.locator("rect[class*=task]")).toHaveCount(4);
    expect(await gantt.evaluate((svg) => /="[^"]*\bNaN\b/.test(svg.outerHTML))).toBe(false);
  });
});
