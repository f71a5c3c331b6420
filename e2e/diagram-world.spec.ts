import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { E2E_PORT } from "../playwright.config";
import { expect, openSheet, test } from "./fixtures";

/**
 * Real-world diagrams (tests/fixtures/content/diagram-world, 19 types written from Mermaid's syntax
 * documentation): each either renders with text of at least 6 pt on paper or shows its warning;
 * none is blank while "rendered"; the icon packs draw offline; nothing drawn leaves its cell or
 * lies under the cell's tools; a diagram too small for its cell is laid out again to fit.
 */
const WORLD = "/courses/diagram-world";
const WORLD_DIR = "tests/fixtures/content/diagram-world";
const DIAGRAMS_BY_CHAPTER: Record<number, string[]> = {
  1: ["c4", "architecture", "timeline", "gantt"],
  2: ["fork", "sequence", "class", "state"],
  3: ["er", "journey", "git", "mindmap"],
  4: ["pie", "quadrant", "xy", "sankey", "packet", "kanban"],
  5: ["pipeline", "missing", "wardley", "packet-wide"],
};
const ALL_DIAGRAMS = Object.values(DIAGRAMS_BY_CHAPTER).flat().length;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where one diagram's parts are on screen: its cell, its SVG's viewport, its texts, its tools. */
interface Placed {
  key: string;
  cell: Box;
  svg: Box | null;
  texts: { text: string; box: Box }[];
  tools: Box[];
}

const inside = (inner: Box, outer: Box, slack = 1) =>
  inner.left >= outer.left - slack &&
  inner.top >= outer.top - slack &&
  inner.right <= outer.right + slack &&
  inner.bottom <= outer.bottom + slack;
const intersects = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

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
      await page.screenshot({ path: `/tmp/i20-diagram-world-${chapter}.png`, fullPage: true });
    });
  }

  test("covered every diagram of the course", () => {
    expect(covered).toBe(ALL_DIAGRAMS);
  });

  let placedChecked = 0;
  for (const chapter of Object.keys(DIAGRAMS_BY_CHAPTER)) {
    test(`diagram-world ${chapter}: nothing drawn leaves its cell or lies under its tools`, async ({ page }) => {
      await openSheet(page, `${WORLD}/${chapter}`);
      // The edit button is there (the app has its database), so the tools are the full set.
      await expect(page.locator(".sheet-mermaid-tool").first()).toBeVisible();
      const placed: Placed[] = await page.locator("[data-mermaid]").evaluateAll((figures) => {
        const box = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
        return figures.map((figure) => {
          const svg = figure.querySelector(".sheet-mermaid-svg svg");
          return {
            key: (figure as HTMLElement).dataset.mermaid ?? "",
            cell: box(figure.getBoundingClientRect()),
            svg: svg ? box(svg.getBoundingClientRect()) : null,
            texts: svg
              ? [...svg.querySelectorAll("text, foreignObject")]
                  .filter((t) => (t.textContent ?? "").trim() !== "")
                  .map((t) => ({ text: (t.textContent ?? "").trim(), rect: t.getBoundingClientRect() }))
                  // Texts Mermaid keeps but does not show (a journey's hidden task names) take no room.
                  .filter(({ rect }) => rect.width > 0 && rect.height > 0)
                  .map(({ text, rect }) => ({ text, box: box(rect) }))
              : [],
            tools: [...figure.querySelectorAll(".sheet-mermaid-tools > *")].map((tool) =>
              box(tool.getBoundingClientRect()),
            ),
          };
        });
      });
      for (const diagram of placed) {
        expect(diagram.svg, `${diagram.key} is drawn`).not.toBeNull();
        if (!diagram.svg) continue;
        expect(inside(diagram.svg, diagram.cell), `${diagram.key}'s drawing stays in its cell`).toBe(true);
        expect(diagram.tools.length, `${diagram.key} has its tools`).toBeGreaterThan(0);
        for (const tool of diagram.tools)
          expect(intersects(tool, diagram.svg), `${diagram.key}'s drawing is not under its tools`).toBe(false);
        for (const { text, box } of diagram.texts)
          expect(inside(box, diagram.svg), `${diagram.key}: "${text.slice(0, 40)}" is not cut at the edge`).toBe(true);
        placedChecked++;
      }
    });
  }

  test("checked the placement of every diagram of the course", () => {
    expect(placedChecked).toBe(ALL_DIAGRAMS);
  });

  test("a flowchart written left to right in a tall narrow cell is drawn top-down, larger, and says so", async ({
    page,
  }) => {
    await openSheet(page, `${WORLD}/5/print`);
    const figure = page.locator('[data-mermaid="pipeline/1"]');
    await expect(figure).toHaveAttribute("data-diagram-relayout", "direction:TB");
    await expect(page.locator('[data-section="pipeline"]')).toHaveAttribute("data-diagram-relayout", "direction:TB");
    expect(Number(await figure.getAttribute("data-diagram-min-text-pt"))).toBeGreaterThanOrEqual(6);
    await expect(figure).not.toHaveAttribute("data-diagram-warning");
    // Only the rendering changed: the source shown is the author's.
    await expect(figure.locator(".sheet-mermaid-source pre")).toHaveText(/^flowchart LR\n/);
    // The C4 context, drawn four shapes a row at 3.5 pt, is drawn two a row instead.
    await openSheet(page, `${WORLD}/1/print`);
    await expect(page.locator('[data-mermaid="c4/1"]')).toHaveAttribute("data-diagram-relayout", "shapesPerRow:2");
  });

  test("the studio's gauge names a diagram whose text is too small, and the layout it was drawn in", async ({
    page,
  }) => {
    await page.goto(`${WORLD}/1/edit`);
    await expect(page.locator("[data-studio] [data-preview] [data-sheet]")).toHaveAttribute("data-ready", "true", {
      timeout: 60_000,
    });
    const gauge = page.locator('[data-gauge-for="c4"]');
    await expect(gauge).toHaveAttribute("data-gauge-kind", "diagram");
    await expect(gauge).toContainText(/text \d+(\.\d+)? pt: give this section more room or split the diagram/);
    await expect(gauge).toContainText("2 shapes a row to fit");
    await expect(page.locator('[data-preview] [data-section="c4"]')).toHaveAttribute(
      "data-gauge",
      /2 shapes a row to fit/,
    );
    await expect(page.locator("[data-fit-summary]")).toHaveAttribute("data-fit-summary", /needs? text under 6 pt/);
  });

  test("an icon no pack has draws as a box with its name, and the section warns", async ({ page }) => {
    await openSheet(page, `${WORLD}/5/print`);
    const figure = page.locator('[data-mermaid="missing/1"]');
    const svg = figure.locator(".sheet-mermaid-svg svg");
    const texts = await svg.locator("text").allTextContents();
    expect(texts.map((t) => t.trim())).toEqual(expect.arrayContaining(["logos:", "no-such-icon", "simple:", "redis"]));
    expect(texts.filter((t) => t.trim() === "?")).toEqual([]);
    // The known logo beside them is the pack's own drawing.
    await expect(svg.locator(".architecture-service")).toHaveCount(3);
    const notice = await figure.getAttribute("data-diagram-notice");
    expect(notice).toContain('icon "logos:no-such-icon" is not in the logos pack');
    expect(notice).toContain('there is no icon pack "simple"');
    await expect(page.locator('[data-section="missing"]')).toHaveAttribute("data-diagram-notice", notice ?? "");
    await expect(figure.locator(".sheet-mermaid-warning")).toContainText('placeholder named "logos:no-such-icon"');
  });

  test("labels still drawn over each other after relayout are warned on the cell", async ({ page }) => {
    await openSheet(page, `${WORLD}/5/print`);
    // The TCP header's one-bit flags (URG, ACK, PSH…) cannot sit apart in any layout Mermaid offers.
    const figure = page.locator('[data-mermaid="packet-wide/1"]');
    await expect(figure).toHaveAttribute("data-diagram-notice", /labels drawn over each other/);
    await expect(figure.locator(".sheet-mermaid-warning")).toBeVisible();
    await expect(figure.locator(".sheet-mermaid-warning")).toContainText("shorten its labels");
  });

  test("a labelled fork/join bar is named in a warning with its line", async ({ page }) => {
    await openSheet(page, `${WORLD}/2/print`);
    await expect(page.locator('[data-mermaid="fork/1"]')).toHaveAttribute(
      "data-diagram-notice",
      [
        'fork/join bars draw no label: node F "Fork or Join" (line 2) is drawn as a bare fork bar: put the words on an edge or a node beside it',
        'fork/join bars draw no label: node J "Join" (line 5) is drawn as a bare join bar: put the words on an edge or a node beside it',
      ].join("\n"),
    );
    await expect(page.locator('[data-section="fork"] .sheet-mermaid-warning')).toBeVisible();
  });

  test("content:check --fit lists each small diagram and each notice at its file and line", async ({ page }) => {
    test.setTimeout(600_000);
    // The sheets' own measurements, to compare with what the check prints.
    const expected: string[] = [];
    for (const chapter of Object.keys(DIAGRAMS_BY_CHAPTER)) {
      await openSheet(page, `${WORLD}/${chapter}/print`);
      const warned = await page.locator("[data-mermaid][data-diagram-warning]").evaluateAll((figures) =>
        figures.map((f) => ({
          key: (f as HTMLElement).dataset.mermaid ?? "",
          warning: (f as HTMLElement).dataset.diagramWarning ?? "",
        })),
      );
      const folder = fs.readdirSync(WORLD_DIR).find((name) => name.startsWith(chapter.padStart(2, "0")));
      const sheet = fs.readFileSync(path.join(WORLD_DIR, folder ?? "", "sheet.mdx"), "utf8").split("\n");
      for (const { key, warning } of warned) {
        const section = sheet.findIndex((line) => line.startsWith(`<Section id="${key.split("/")[0]}"`));
        const fence = sheet.findIndex((line, i) => i > section && line === "```mermaid") + 1;
        expected.push(`${folder}/sheet.mdx:${fence}: Mermaid diagram "${key}": ${warning}`);
      }
    }
    expect(expected.length, "the fixture has diagrams too small for their cells").toBeGreaterThan(0);
    // The course alone (its copy is its only content root), checked against the running app.
    const root = path.resolve(`.cache/e2e-${E2E_PORT}/fit-check-content`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(WORLD_DIR, path.join(root, "diagram-world"), { recursive: true });
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/content-check.ts", "--fit", "--json"], {
      env: { ...process.env, CONTENT_DIR: root, PORT: String(E2E_PORT) },
      encoding: "utf8",
      timeout: 540_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = z.object({ warnings: z.array(z.object({ text: z.string() })) }).parse(JSON.parse(run.stdout));
    const prefix = `${path.relative(process.cwd(), root)}/diagram-world/`;
    const relative = report.warnings.map(({ text }) => text.replace(prefix, ""));
    // The size is measured again by the check's own browser: compare all but the last digit.
    const rounded = (line: string) => line.replace(/text (\d+)\.\d pt/, "text $1.x pt");
    for (const line of expected) expect(relative.map(rounded)).toContain(rounded(line));
    expect(relative).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^02-flows-and-structures\/sheet\.mdx:14: Mermaid diagram "fork\/1": fork\/join bars draw no label: node F "Fork or Join"/,
        ),
        expect.stringMatching(
          /^05-fit-and-names\/sheet\.mdx:\d+: Mermaid diagram "missing\/1": icon "logos:no-such-icon" is not in the logos pack/,
        ),
      ]),
    );
    expect(relative.filter((text) => text.includes(": text ")).length).toBe(expected.length);
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
