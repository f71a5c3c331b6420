import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/chromium";
import { loadAllCourses } from "@/lib/content/course";
import { loadSheet } from "@/lib/content/sheet";
import { forgetKept, ms, openReady, percentile, reportTimeToReady, startBenchServer } from "./server";

/** The real courses plus the fixtures, whose diagram-lab course has one diagram of every type. */
const CONTENT_DIR = ["content", "tests/fixtures/content"].join(path.delimiter);
/** diagram-lab chapters 1–4: every Mermaid diagram type, one each. */
const TYPE_SHEETS = [1, 2, 3, 4].map((n) => `/courses/diagram-lab/${n}/print`);
const LOADS = 4;

/** Render time of each diagram on the page, by type (the `mermaid-render:<type>` measures). */
function renderMeasures(page: Page): Promise<{ type: string; ms: number }[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("measure")
      .filter((entry) => entry.name.startsWith("mermaid-render:"))
      .map((entry) => ({ type: entry.name.slice("mermaid-render:".length), ms: entry.duration })),
  );
}

/** The written sheet with the most diagrams, among the real courses (content/). */
async function busiestSheet(): Promise<{ url: string; diagrams: number } | null> {
  let best: { url: string; diagrams: number } | null = null;
  for (const result of loadAllCourses()) {
    if (!result.ok || result.course.dir.includes(`${path.sep}tests${path.sep}`)) continue;
    for (const chapter of result.course.chapters) {
      const sheet = await loadSheet(result.course, chapter);
      if (!sheet?.ok) continue;
      if (!best || sheet.sheet.diagrams.length > best.diagrams)
        best = { url: `/courses/${result.course.id}/${chapter.number}`, diagrams: sheet.sheet.diagrams.length };
    }
  }
  return best;
}

/** Mermaid: render time per diagram type, and time to data-ready for the sheet with the most diagrams. */
export async function run() {
  process.env.CONTENT_DIR = CONTENT_DIR;
  const busiest = await busiestSheet();
  const server = await startBenchServer({ name: "bench-mermaid", env: { CONTENT_DIR } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const byType = new Map<string, number[]>();
    for (const url of TYPE_SHEETS) {
      await openReady(page, server.baseUrl + url); // warms the server and the browser cache
      for (let i = 0; i < LOADS; i++) {
        // Mermaid's own time: a kept drawing would skip it.
        await forgetKept(page);
        await openReady(page, server.baseUrl + url);
        for (const { type, ms: time } of await renderMeasures(page))
          byType.set(type, [...(byType.get(type) ?? []), time]);
      }
    }
    console.log(`render time per diagram type (${LOADS} loads each, production build, queue wait excluded):`);
    const rows = [...byType].map(([type, times]) => ({ type, times: times.sort((a, b) => a - b) }));
    for (const { type, times } of rows.sort((a, b) => percentile(b.times, 50) - percentile(a.times, 50))) {
      console.log(
        `  ${type.padEnd(20)} p50 ${ms(percentile(times, 50)).padStart(9)}   max ${ms(times.at(-1) ?? NaN).padStart(9)}`,
      );
    }

    const sheets = [
      ...(busiest
        ? [{ label: `${busiest.url} (${busiest.diagrams} diagrams, the most in content/)`, url: busiest.url }]
        : []),
      ...(busiest ? [{ label: `${busiest.url}/print`, url: `${busiest.url}/print` }] : []),
      // A test fixture, not a sheet anyone studies: one diagram of each of 9 types, to load the engine.
      {
        label: "/courses/diagram-lab/1/print (9 diagrams of 9 types)",
        url: "/courses/diagram-lab/1/print",
        targeted: false,
      },
    ];
    for (const { label, url, targeted } of sheets)
      await reportTimeToReady(page, server.baseUrl + url, label, LOADS + 2, { targeted });
  } finally {
    await browser.close();
    await server.stop();
  }
}
