import type { Page } from "@playwright/test";
import { expect, openSheet, test } from "./fixtures";

/**
 * Live Mermaid diagrams, on the diagram-lab fixture course: one diagram of every type Mermaid 11
 * draws (chapters 1–4), a broken one between two good ones (5), labels that try to run script
 * (6) and a sheet to edit (7).
 */
const LAB = "/courses/diagram-lab";

const TYPES_BY_CHAPTER: Record<number, string[]> = {
  1: ["flowchart", "sequence", "class", "state", "er", "requirement", "c4", "block", "architecture"],
  2: ["gantt", "pie", "quadrant", "xychart", "sankey", "radar", "treemap", "packet", "journey"],
  3: ["timeline", "mindmap", "gitgraph", "kanban", "ishikawa", "treeview", "venn", "cynefin", "wardley"],
  4: ["railroad", "railroad-ebnf", "eventmodeling", "swimlane", "info"],
};

/** Diagram types drawn with Mermaid's hand-drawn look (the others take the look from the theme). */
const HAND_DRAWN = ["flowchart", "class", "state", "er", "requirement"];

/** Reloads the page and waits until the sheet is ready again. */
async function reloadSheet(page: Page) {
  await page.reload();
  await expect(page.locator("[data-sheet]")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

async function diagramStates(page: Page): Promise<Record<string, string | undefined>> {
  return page
    .locator("[data-mermaid]")
    .evaluateAll((figures) =>
      Object.fromEntries(
        figures.map((figure) => [(figure as HTMLElement).dataset.mermaid ?? "", (figure as HTMLElement).dataset.state]),
      ),
    );
}

test.describe("every Mermaid diagram type renders", () => {
  for (const [chapter, types] of Object.entries(TYPES_BY_CHAPTER)) {
    test(`diagram-lab ${chapter}: ${types.join(", ")}`, async ({ page }) => {
      await openSheet(page, `${LAB}/${chapter}/print`);
      expect(await diagramStates(page)).toEqual(Object.fromEntries(types.map((type) => [`${type}/1`, "rendered"])));
      for (const type of types) {
        const figure = page.locator(`[data-mermaid="${type}/1"]`);
        const svg = figure.locator(".sheet-mermaid-svg > svg");
        await expect(svg, `${type} draws an SVG`).toHaveCount(1);
        expect(await svg.getAttribute("viewBox"), `${type} scales to its box`).toMatch(
          /^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/,
        );
        // An accessible name (its title, or its type and first nodes) and the source on demand.
        await expect(figure.locator(".sheet-mermaid-svg")).toHaveAttribute("role", "img");
        await expect(figure.locator(".sheet-mermaid-svg")).toHaveAttribute("aria-label", /\S/);
        await expect(figure.locator(".sheet-mermaid-source > summary")).toHaveAttribute(
          "aria-label",
          /^Show the source of: /,
        );
        if (HAND_DRAWN.includes(type))
          await expect(figure.locator('[data-look="handDrawn"]').first(), `${type} is hand-drawn`).toBeAttached();
      }
    });
  }

  test("the sheet's theme and the source's own styles both apply", async ({ page }) => {
    await openSheet(page, `${LAB}/1/print`);
    const flowchart = page.locator('[data-mermaid="flowchart/1"] svg');
    const markup = await flowchart.evaluate((svg) => svg.outerHTML);
    expect(markup).toContain('"Kalam"');
    // classDef hot fill:#f4a6c0 and style D fill:#b8e6b8 in the fixture.
    expect(markup.toLowerCase()).toContain("#f4a6c0");
    expect(markup.toLowerCase()).toContain("#b8e6b8");
    const labelFont = await flowchart
      .locator(".nodeLabel")
      .first()
      .evaluate((label) => getComputedStyle(label).fontFamily);
    expect(labelFont).toContain("Kalam");
  });
});

test("a broken diagram shows its error in its cell, and its neighbours render", async ({ page }) => {
  await openSheet(page, `${LAB}/5/print`);
  const broken = page.locator('[data-mermaid="broken/1"]');
  await expect(broken).toHaveAttribute("data-state", "error");
  const error = broken.getByRole("alert");
  await expect(error).toContainText("line 3 of the diagram, sheet line 27");
  await expect(error).toContainText("Parse error on line 3");
  for (const key of ["before/1", "after/1"]) {
    await expect(page.locator(`[data-mermaid="${key}"]`)).toHaveAttribute("data-state", "rendered");
    await expect(page.locator(`[data-mermaid="${key}"] svg`).first()).toBeVisible();
  }
  // The error stays inside its cell.
  const inside = await broken.evaluate((figure) => {
    const cell = figure.closest("[data-section]")!.getBoundingClientRect();
    const box = figure.getBoundingClientRect();
    return (
      box.top >= cell.top - 1 &&
      box.bottom <= cell.bottom + 1 &&
      box.left >= cell.left - 1 &&
      box.right <= cell.right + 1
    );
  });
  expect(inside).toBe(true);
});

test.describe("labels never run script", () => {
  for (const path of [`${LAB}/6/print`, `${LAB}/6`]) {
    test(path, async ({ page }) => {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await openSheet(page, path);
      expect(Object.values(await diagramStates(page)).every((state) => state === "rendered")).toBe(true);
      // Hover and click everything a label could hide a handler in, the javascript: link included.
      for (const target of await page.locator("[data-mermaid] svg :is(.node, a)").all()) {
        await target.hover({ force: true, timeout: 2000 }).catch(() => undefined);
        await target.click({ force: true, timeout: 2000, noWaitAfter: true }).catch(() => undefined);
      }
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      const unsafe = await page
        .locator("[data-mermaid]")
        .evaluateAll((figures) =>
          figures.flatMap((figure) =>
            [...figure.querySelectorAll("*")].flatMap((element) => [
              ...(element.tagName.toLowerCase() === "script" || element.tagName.toLowerCase() === "iframe"
                ? [element.tagName]
                : []),
              ...[...element.attributes]
                .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
                .map((a) => `${a.name}=${a.value}`),
            ]),
          ),
        );
      expect(unsafe).toEqual([]);
    });
  }
});

test.describe("drawings kept between loads", () => {
  /** How many diagrams Mermaid drew on this load (its render measures; a kept drawing takes none). */
  const mermaidRenders = (page: Page) =>
    page.evaluate(
      () => performance.getEntriesByType("measure").filter((entry) => entry.name.startsWith("mermaid-render:")).length,
    );
  const drawnSvgs = (page: Page) =>
    page.locator("[data-mermaid] .sheet-mermaid-svg > svg").evaluateAll((svgs) =>
      // Ids are new on every load; the drawing is the rest.
      svgs.map((svg) => svg.outerHTML.replace(/mermaid-[a-z0-9]+-\d+/g, "ID")),
    );

  test("a sheet opened again shows the same drawings without running Mermaid", async ({ page }) => {
    await openSheet(page, `${LAB}/1`);
    expect(await mermaidRenders(page)).toBeGreaterThanOrEqual(9);
    const first = await drawnSvgs(page);
    expect(first).toHaveLength(9);
    await reloadSheet(page);
    expect(await mermaidRenders(page)).toBe(0);
    expect(Object.values(await diagramStates(page))).toEqual(Array(9).fill("rendered"));
    expect(await drawnSvgs(page)).toEqual(first);
  });

  test("an older build's kept drawings are deleted when a sheet opens; this build's stay", async ({ page }) => {
    await openSheet(page, `${LAB}/1`);
    const stores = () =>
      page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("study-sheets-drawings-")));
    const [current] = await stores();
    expect(current).toBeDefined();
    await page.evaluate(async () => {
      const old = await caches.open("study-sheets-drawings-an-older-build");
      await old.put(`${location.origin}/__drawings/old`, Response.json({ svg: "<svg/>", notices: [] }));
    });
    expect(await stores()).toHaveLength(2);
    await reloadSheet(page);
    await expect.poll(stores).toEqual([current]);
    expect(await mermaidRenders(page)).toBe(0);
  });

  test("a kept drawing that was tampered with is drawn again by Mermaid, and nothing in it runs", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openSheet(page, `${LAB}/7`);
    const drawn = await page.locator("[data-mermaid]").count();
    expect(drawn).toBeGreaterThan(0);
    // Every kept drawing rewritten with a script, a handler and a javascript: link.
    const tampered = await page.evaluate(async () => {
      let count = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const kept = (await (await cache.match(request))?.json()) as { svg: string };
          const svg = kept.svg.replace(
            /<\/svg>$/,
            '<script>window.__xss=1</script><rect onload="window.__xss=2"/><a href="javascript:window.__xss=3"><text>x</text></a></svg>',
          );
          await cache.put(request, Response.json({ ...kept, svg }));
          count++;
        }
      }
      return count;
    });
    expect(tampered).toBe(drawn);
    await reloadSheet(page);
    expect(await mermaidRenders(page)).toBe(drawn);
    expect(Object.values(await diagramStates(page))).toEqual(Array(drawn).fill("rendered"));
    const active = await page
      .locator("[data-mermaid] svg :is(script, [onload]), [data-mermaid] a[href^='javascript']")
      .count();
    expect(active).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

test.describe("editing a diagram", () => {
  const DIAGRAM = '[data-mermaid="edited/1"]';
  const API = "/api/diagrams/diagram-lab/7/edited/1";

  test.beforeEach(async ({ request }) => {
    expect((await request.delete(API)).status()).toBe(204);
  });

  test("edit → preview → save → reload keeps the edit (sheet and print); reset restores the original", async ({
    page,
  }) => {
    await openSheet(page, `${LAB}/7`);
    const figure = page.locator(DIAGRAM);
    await expect(figure.locator("svg").first()).toContainText("Original start");

    await figure.getByRole("button", { name: /^Edit diagram: / }).click();
    const dialog = page.getByRole("dialog", { name: "Edit diagram" });
    await expect(dialog).toBeVisible();
    const source = dialog.getByLabel("Mermaid source");
    await expect(source).toBeFocused();
    const preview = dialog.locator("[data-diagram-preview]");
    await expect(preview).toHaveAttribute("data-preview-state", "ok");

    // A mistake: the error shows inline, the last good drawing stays, and Save waits.
    await source.fill('flowchart TB\n  A["Edited in the test"] --> B{{"oops"]\n');
    await expect(preview).toHaveAttribute("data-preview-state", "error");
    await expect(dialog.locator("[data-diagram-error]")).toContainText("line 2");
    await expect(preview.locator("svg")).toContainText("Original start");
    await expect(dialog.getByRole("button", { name: "Save" })).toBeDisabled();

    await source.fill('flowchart TB\n  A["Edited in the test"] --> B["Second node"]');
    await expect(preview).toHaveAttribute("data-preview-state", "ok");
    await expect(preview.locator("svg")).toContainText("Edited in the test");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(figure).toHaveAttribute("data-edited", "true");
    await expect(page.locator("[data-sheet]")).toHaveAttribute("data-ready", "true");
    await expect(figure.locator(".sheet-mermaid-svg svg")).toContainText("Edited in the test");

    await reloadSheet(page);
    await expect(figure.locator(".sheet-mermaid-svg svg")).toContainText("Edited in the test");
    await expect(figure.locator("[data-edited-marker]")).toBeVisible();
    await expect(page.locator('[data-mermaid="untouched/1"] svg')).toContainText("Untouched");

    // Print (and so the PDF) draws the edit as soon as it is ready, with no marker.
    await openSheet(page, `${LAB}/7/print`);
    await expect(page.locator(`${DIAGRAM} .sheet-mermaid-svg svg`)).toContainText("Edited in the test");
    await expect(page.locator(`${DIAGRAM} .sheet-mermaid-svg svg`)).not.toContainText("Original start");

    await openSheet(page, `${LAB}/7`);
    await figure.locator("[data-edited-marker]").click();
    await page.getByRole("dialog", { name: "Edit diagram" }).getByRole("button", { name: "Reset to original" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(figure).not.toHaveAttribute("data-edited", "true");
    await expect(figure.locator(".sheet-mermaid-svg svg")).toContainText("Original start");
    await reloadSheet(page);
    await expect(figure.locator(".sheet-mermaid-svg svg")).toContainText("Original start");
    await expect(figure.locator("[data-edited-marker]")).toHaveCount(0);
  });

  test("Esc closes the editor without saving and gives focus back", async ({ page }) => {
    await openSheet(page, `${LAB}/7`);
    const edit = page.locator(DIAGRAM).getByRole("button", { name: /^Edit diagram: / });
    await edit.click();
    const dialog = page.getByRole("dialog", { name: "Edit diagram" });
    await dialog.getByLabel("Mermaid source").fill('flowchart TB\n  A["Never saved"]');
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(edit).toBeFocused();
    await expect(page.locator(`${DIAGRAM} svg`).first()).toContainText("Original start");
  });

  test("the preview never runs a label's script either", async ({ page }) => {
    await openSheet(page, `${LAB}/7`);
    await page
      .locator(DIAGRAM)
      .getByRole("button", { name: /^Edit diagram: / })
      .click();
    const dialog = page.getByRole("dialog", { name: "Edit diagram" });
    await dialog
      .getByLabel("Mermaid source")
      .fill('flowchart LR\n  A["<img src=x onerror=window.__xss=1>"] --> B["<script>window.__xss=2</script>"]');
    await expect(dialog.locator("[data-diagram-preview]")).toHaveAttribute("data-preview-state", "ok");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test("the API validates: 400 names the field, 404 for unknown chapters and diagrams, 413 when too large", async ({
    request,
  }) => {
    const empty = await request.put(API, { data: { source: "  " } });
    expect(empty.status()).toBe(400);
    expect(await empty.json()).toMatchObject({ field: "source" });
    const wrongField = await request.put(API, { data: { code: "flowchart LR" } });
    expect(wrongField.status()).toBe(400);
    expect((await wrongField.json()).field).toBeTruthy();
    expect((await request.put(API, { data: { source: "x".repeat(20_001) } })).status()).toBe(413);
    expect((await request.get("/api/diagrams/diagram-lab/7/edited/9")).status()).toBe(404);
    expect((await request.get("/api/diagrams/diagram-lab/99")).status()).toBe(404);
    expect((await request.get("/api/diagrams/no-such-course/1/a/1")).status()).toBe(404);
    const saved = await request.put(API, { data: { source: 'flowchart TB\n  A["via the API"]' } });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({ diagramKey: "edited/1", originalChanged: false });
    expect((await (await request.get("/api/diagrams/diagram-lab/7")).json()).edits).toHaveLength(1);
  });
});

test.describe("every diagram stays inside its cell, with no scrollbar", () => {
  const sheets = [
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => `${LAB}/${n}/print`),
    ...[6, 8, 23].map((n) => `/courses/deep-dive-llms/${n}/print`),
  ];
  for (const path of sheets) {
    test(path, async ({ page }) => {
      await openSheet(page, path);
      const problems = await page.locator("[data-mermaid]").evaluateAll((figures) =>
        figures.flatMap((figure) => {
          const key = (figure as HTMLElement).dataset.mermaid;
          const cell = figure.closest("[data-section]")!.getBoundingClientRect();
          const box = figure.getBoundingClientRect();
          const found: string[] = [];
          if (
            box.top < cell.top - 1 ||
            box.bottom > cell.bottom + 1 ||
            box.left < cell.left - 1 ||
            box.right > cell.right + 1
          ) {
            found.push(`${key}: box outside its cell`);
          }
          if (box.height < 20) found.push(`${key}: no room (${box.height}px)`);
          const svg = figure.querySelector(".sheet-mermaid-svg > svg")?.getBoundingClientRect();
          if (
            svg &&
            (svg.top < box.top - 1 ||
              svg.bottom > box.bottom + 1 ||
              svg.left < box.left - 1 ||
              svg.right > box.right + 1)
          ) {
            found.push(`${key}: drawing outside its box`);
          }
          const element = figure as HTMLElement;
          if (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
            found.push(`${key}: scrolls`);
          return found;
        }),
      );
      expect(problems).toEqual([]);
    });
  }
});
