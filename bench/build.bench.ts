import fs from "node:fs";
import path from "node:path";
import { countSheets, copyId, makeLibrary, SAMPLE_COURSE } from "./library";
import { nextBuild } from "../scripts/next-server";
import { machineLine, ms, percentile, startBenchServer } from "./server";

/** Library sizes built: the app as shipped, and fifty courses more. */
const SIZES = [0, 50];
const VIEWS = 20;

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

function build(distDir: string, contentDir: string): number {
  fs.rmSync(distDir, { recursive: true, force: true });
  return nextBuild(distDir, { ...process.env, CONTENT_DIR: contentDir });
}

async function timeToFirstByte(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const reader = response.body?.getReader();
  await reader?.read();
  const elapsed = performance.now() - started;
  await reader?.cancel();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/**
 * Build cost against library size: `next build` with the shipped content and with 50 more courses
 * (the sample course copied), its time and the size of the build folder; then, on the 50-course
 * build, a chapter's first view (compiled on demand), later views, and an edited sheet.
 */
export async function run() {
  console.log(machineLine());
  let library = "";
  try {
    for (const copies of SIZES) {
      library = copies > 0 ? makeLibrary(copies, "build") : "";
      const contentDir = [library, "content"].filter(Boolean).join(path.delimiter);
      const distDir = `.next-bench-build-${copies}`;
      const time = build(distDir, contentDir);
      const sheets = countSheets(path.resolve("content")) + (library ? countSheets(library) : 0);
      const size = folderBytes(distDir) / 1024 / 1024;
      const cache = folderBytes(path.join(distDir, "cache")) / 1024 / 1024;
      console.log(
        `next build, ${copies + 2} courses (${sheets} sheets): ${(time / 1000).toFixed(1)} s (target ≤ 60 s), ${distDir} ${size.toFixed(0)} MB ` +
          `(target ≤ 150 MB): ${(size - cache).toFixed(0)} MB build + ${cache.toFixed(0)} MB Turbopack build cache`,
      );
      if (copies === 0) {
        fs.rmSync(distDir, { recursive: true, force: true });
        continue;
      }

      const server = await startBenchServer({
        name: `bench-build-${copies}`,
        env: { CONTENT_DIR: contentDir },
        distDir,
      });
      try {
        const firsts: number[] = [];
        for (let index = 1; index <= 5; index++)
          firsts.push(await timeToFirstByte(`${server.baseUrl}/courses/${copyId(index)}/8`));
        const later: number[] = [];
        for (let index = 0; index < VIEWS; index++)
          later.push(await timeToFirstByte(`${server.baseUrl}/courses/${copyId(1 + (index % 5))}/8`));
        firsts.sort((a, b) => a - b);
        later.sort((a, b) => a - b);
        console.log(
          `chapter page, first view (compiled on demand): p50 ${ms(percentile(firsts, 50))}, max ${ms(firsts.at(-1) ?? NaN)} TTFB (target ≤ 300 ms)`,
        );
        console.log(
          `chapter page, later views: p50 ${ms(percentile(later, 50))}, p95 ${ms(percentile(later, 95))} TTFB (target ≤ 20 ms)`,
        );

        const sheetFile = path.join(
          library,
          copyId(1),
          fs.readdirSync(path.join(library, copyId(1))).find((name) => name.startsWith("08-")) ?? "",
          "sheet.mdx",
        );
        const marker = `Edited ${Date.now()}`;
        fs.writeFileSync(sheetFile, fs.readFileSync(sheetFile, "utf8").replace(/^title: .*$/m, `title: "${marker}"`));
        const started = performance.now();
        const html = await (await fetch(`${server.baseUrl}/courses/${copyId(1)}/8`)).text();
        console.log(
          `edited sheet, next view: ${ms(performance.now() - started)}, shows the edit: ${html.includes(marker) ? "yes" : "NO"} (target: at once)`,
        );
      } finally {
        await server.stop();
        fs.rmSync(distDir, { recursive: true, force: true });
        fs.rmSync(`.cache/bench-build-${copies}`, { recursive: true, force: true });
      }
    }
  } finally {
    if (library) fs.rmSync(library, { recursive: true, force: true });
  }
  console.log(`(library: the ${SAMPLE_COURSE} course copied; the app's own content/ is always included)`);
}
