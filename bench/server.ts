import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { migrateServerDatabase, nextBuild, startNextServer } from "../scripts/next-server";

/**
 * A production server for benchmarks: every benchmark shares one build (the build does not depend
 * on the content: chapter pages render on demand), made again when the code changed; each has its
 * own database; all use one port (PORT, else 3290), one server at a time.
 */
export interface BenchServer {
  baseUrl: string;
  databasePath: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

// BENCH_PORT (or PORT) overrides, for a machine where the usual port belongs to someone else.
const BENCH_PORT = Number(process.env.BENCH_PORT) || Number(process.env.PORT) || 3290;
const BENCH_DIST_DIR = ".next-bench";

const BUILT_FROM = ["app", "lib", "components", "next.config.mjs", "package.json"];

/**
 * The code a build is made from: its committed trees and the text of every uncommitted change (a
 * list of changed files alone stayed the same over a second edit of the same file, so an old build ran).
 */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync("git", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }).stdout;
  const hash = createHash("sha256");
  hash.update(git("rev-parse", ...BUILT_FROM.map((entry) => `HEAD:${entry}`)));
  hash.update(git("diff", "HEAD", "--", ...BUILT_FROM));
  for (const file of git("ls-files", "--others", "--exclude-standard", "--", ...BUILT_FROM)
    .split("\n")
    .filter(Boolean)) {
    hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** Builds into .next-bench unless it already holds a build of this code (BENCH_REBUILD=1 forces one). */
function ensureBuild(env: NodeJS.ProcessEnv) {
  const stamp = path.join(BENCH_DIST_DIR, "bench-code-version");
  const version = codeVersion();
  const built =
    fs.existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === version;
  if (built && process.env.BENCH_REBUILD !== "1") return;
  console.log(`building the app into ${BENCH_DIST_DIR} …`);
  nextBuild(BENCH_DIST_DIR, env);
  fs.writeFileSync(stamp, version);
}

/** `env` applies to the server (e.g. CONTENT_DIR with the courses it serves). */
export async function startBenchServer(
  options: { name?: string; env?: Record<string, string>; distDir?: string } = {},
): Promise<BenchServer> {
  const name = options.name ?? "bench";
  const databasePath = path.resolve(`.cache/${name}/study.db`);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  // BENCH_DIST_DIR reuses a production build made already (the e2e one), sparing a busy machine a rebuild.
  const given = options.distDir ?? process.env.BENCH_DIST_DIR;
  const distDir = given ?? BENCH_DIST_DIR;
  if (!given) ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const env = { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: `file:${databasePath}`, ...options.env };
  migrateServerDatabase(env);
  const server = await startNextServer({ port: BENCH_PORT, env });
  return { baseUrl: server.origin, databasePath, process: server.process, stop: () => server.stop() };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** The machine a run was measured on: under load, wall times say as much about the neighbours as the code. */
export function machineLine(): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  return `machine: ${os.cpus().length} cores, load average ${load}`;
}

/**
 * In the page: the `performance.now()` at which `selector` first matched, seen by a
 * MutationObserver. Playwright's own waits (waitForSelector, locators) poll with a backoff that
 * reaches 500 ms, which a bench would otherwise measure as the app's time. A string, so the bench's
 * compiler adds no helpers the page does not have.
 */
function firstMatchScript(selector: string): string {
  return `new Promise((resolve) => {
    const sel = ${JSON.stringify(selector)};
    const done = () => document.querySelector(sel) ? (observer.disconnect(), resolve(performance.now()), true) : false;
    const observer = new MutationObserver(done);
    if (!done()) observer.observe(document, { subtree: true, childList: true, attributes: true });
  })`;
}

/** Starts watching for `selector` now; the returned promise gives the page's clock when it matched. */
export async function watchFor(page: Page, selector: string): Promise<() => Promise<number>> {
  // Held in an object: a handle to the promise itself would only come once it had resolved.
  const watch = await page.evaluateHandle(`({ matched: ${firstMatchScript(selector)} })`);
  return () => watch.evaluate<number, { matched: Promise<number> }>((held) => held.matched);
}

/**
 * Opens `url` in `page` and answers how long after the navigation began `selector` (a ready sheet)
 * matched, read from the page's own clock (it starts with the navigation). The watch starts as soon
 * as the new document exists, long before hydration could make a sheet ready.
 */
export async function openReady(page: Page, url: string, selector = "[data-sheet][data-ready=true]"): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  return page.evaluate<number>(firstMatchScript(selector));
}

/**
 * Empties what the sheets keep between loads: their diagrams' drawings (Cache Storage,
 * components/mermaid/stored-drawings) and their sections' fits (localStorage,
 * components/sheet/kept-fits). The next load draws every diagram with Mermaid and fits every
 * section, as a first visit to the sheet does. The page must be on the app's origin.
 */
export async function forgetKept(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    localStorage.clear();
  });
}

/** #18: a sheet's data-ready p50 in a warm browser (its code and fonts cached). */
const SHEET_READY_TARGET_MS = 500;

/**
 * Prints the time to a ready sheet at `url` over `loads` warm loads (one visit first warms the
 * server): in a warm browser, which keeps the sheet's section fits and its diagrams' drawings, and
 * with those forgotten before each load (the sheet's first visit in a browser whose code and fonts
 * are cached), beside the target unless `targeted` is false (a fixture made to stress the engine).
 */
export async function reportTimeToReady(
  page: Page,
  url: string,
  label: string,
  loads: number,
  { targeted = true }: { targeted?: boolean } = {},
): Promise<void> {
  await openReady(page, url);
  const diagrams = await page.locator("[data-mermaid]").count();
  for (const forget of [false, true]) {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      if (forget) await forgetKept(page);
      times.push(await openReady(page, url));
    }
    times.sort((a, b) => a - b);
    const how = forget ? "nothing kept" : diagrams > 0 ? "drawings and fits kept" : "fits kept";
    console.log(
      `time to data-ready ${label}: p50 ${ms(percentile(times, 50))}, max ${ms(times.at(-1) ?? NaN)} (${times.length} warm loads, ${how})${targeted ? ` (target p50 ≤ ${SHEET_READY_TARGET_MS} ms)` : ""}`,
    );
  }
}
