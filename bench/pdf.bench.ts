import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/chromium";
import { machineLine, ms, percentile, startBenchServer } from "./server";
import { waitForReadySheets } from "@/lib/pdf/ready";

const COURSE = "deep-dive-llms";
const CHAPTER = 8;
const ROUNDS = 8;
const BOOKLET_ROUNDS = 3;
/** #18's anchor for a whole document: Marp CLI takes 2.2 s a deck, decks printed one after another (measured elsewhere). */
const MARP_DECK_MS = 2_200;
/** The server closes its idle Chromium after this long (2 minutes in the app; shorter here to keep the bench short). */
const IDLE_CLOSE_MS = 15_000;
/** The server's Chromium keeps its profile here; emptied first, so the first figure is a new build's first PDF. */
const PROFILE_DIR = path.resolve(".cache/bench-pdf/chromium-profile");

/** The processes of a tree: the server and everything it started (its Chromium among them). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid …": the name may hold spaces, so read after its closing bracket.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  for (const pending = [root]; pending.length > 0;) {
    const pid = pending.pop() ?? root;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/**
 * Memory of a process tree, in bytes: the sum of proportional set sizes (PSS), so pages that
 * Chromium's processes share are counted once, not once a process as a sum of RSS would.
 */
function treeMemory(root: number): number {
  return processTree(root).reduce(
    (sum, pid) => sum + Number(/^Pss:\s+(\d+) kB/m.exec(readProc(pid, "smaps_rollup"))?.[1] ?? 0) * 1024,
    0,
  );
}

/** CPU time (user + system) the tree has used so far, in seconds. */
function treeCpuSeconds(root: number): number {
  const ticks = processTree(root).reduce((sum, pid) => {
    const stat = readProc(pid, "stat");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return sum + (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
  }, 0);
  return ticks / 100; // USER_HZ
}

function samplePeak(root: number): { stop: () => number } {
  let peak = treeMemory(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeMemory(root));
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeMemory(root));
    },
  };
}

async function timed(task: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function fetchPdf(url: string): Promise<number> {
  const response = await fetch(url);
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  return body.byteLength;
}

/**
 * PDF export: the warm time of GET /api/pdf/<course>/8 next to its floor (bare Playwright goto +
 * wait for data-ready + page.pdf of the same print page, in a browser already open), their ratio,
 * the whole-course booklet, and the server's peak memory (Node and its Chromium).
 */
export async function run() {
  console.log(machineLine());
  fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
  const serverOptions = {
    name: "bench-pdf",
    env: { PDF_IDLE_CLOSE_MS: String(IDLE_CLOSE_MS), PDF_PROFILE_DIR: PROFILE_DIR },
  };
  let server = await startBenchServer(serverOptions);
  const serverPid = server.process.pid ?? 0;
  const memory = samplePeak(serverPid);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const chapterUrl = `${server.baseUrl}/api/pdf/${COURSE}/${CHAPTER}`;
    const printUrl = `${server.baseUrl}/courses/${COURSE}/${CHAPTER}/print`;
    const page = await browser.newPage();
    const printPage = await browser.newPage();
    // The route lays the page out for print before it loads (lib/pdf/render.ts); the bare floor
    // does not, so it is printed both ways.
    await printPage.emulateMedia({ media: "print" });
    const floorOn = (on: Page) => async () => {
      await on.goto(printUrl, { waitUntil: "domcontentloaded" });
      // The server's own rule for a ready page (its polling, not Playwright's backoff of up to 500 ms).
      await waitForReadySheets(on, { url: printUrl, sheets: 1, timeoutMs: 30_000 });
      await on.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    };
    const floor = floorOn(page);
    const printFloor = floorOn(printPage);
    // The first PDF after a start launches the server's Chromium and compiles the sheet.
    const firstPdf = await timed(async () => void (await fetchPdf(chapterUrl)));
    console.log(
      `first chapter PDF after a server start, Chromium on an empty profile (a new build's first PDF): ${ms(firstPdf)} (target ≤ 3000 ms)`,
    );
    await fetchPdf(chapterUrl);
    await floor();
    await printFloor();

    // Interleaved, so both see the same machine load.
    const serverTimes: number[] = [];
    const floorTimes: number[] = [];
    const printFloorTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      serverTimes.push(await timed(async () => void (await fetchPdf(chapterUrl))));
      floorTimes.push(await timed(floor));
      printFloorTimes.push(await timed(printFloor));
    }
    serverTimes.sort((a, b) => a - b);
    floorTimes.sort((a, b) => a - b);
    printFloorTimes.sort((a, b) => a - b);
    const serverP50 = percentile(serverTimes, 50);
    const floorP50 = percentile(floorTimes, 50);
    console.log(
      `GET /api/pdf/${COURSE}/${CHAPTER} (warm): p50 ${ms(serverP50)}, min ${ms(serverTimes[0] ?? NaN)}, max ${ms(serverTimes.at(-1) ?? NaN)} (${ROUNDS} runs)`,
    );
    console.log(
      `floor (Playwright goto + ready + page.pdf, open browser): p50 ${ms(floorP50)}, min ${ms(floorTimes[0] ?? NaN)}, max ${ms(floorTimes.at(-1) ?? NaN)}`,
    );
    const printFloorP50 = percentile(printFloorTimes, 50);
    console.log(
      `the same laid out for print from the start (as the route does): p50 ${ms(printFloorP50)}, min ${ms(printFloorTimes[0] ?? NaN)}, max ${ms(printFloorTimes.at(-1) ?? NaN)}`,
    );
    console.log(
      `ratio server / floor: ${(serverP50 / floorP50).toFixed(2)} (target ≤ 1.1); to the print-media floor ${(serverP50 / printFloorP50).toFixed(2)}`,
    );
    await page.close();
    await printPage.close();

    const bookletUrl = `${server.baseUrl}/api/pdf/${COURSE}`;
    const bytes = await fetchPdf(bookletUrl); // first booklet: compiles the course print page
    const bookletTimes: number[] = [];
    const cpuBefore = treeCpuSeconds(serverPid);
    for (let round = 0; round < BOOKLET_ROUNDS; round++)
      bookletTimes.push(await timed(async () => void (await fetchPdf(bookletUrl))));
    const cpuPerBooklet = (treeCpuSeconds(serverPid) - cpuBefore) / BOOKLET_ROUNDS;
    const bookletMedian = percentile(
      [...bookletTimes].sort((a, b) => a - b),
      50,
    );
    console.log(
      `GET /api/pdf/${COURSE} booklet of 24 sheets (warm): ${bookletTimes.map((t) => ms(t)).join(", ")}; median ${ms(bookletMedian)} (target ≤ 3000 ms), ${(bytes / 1024 / 1024).toFixed(1)} MB; ${(bookletMedian / MARP_DECK_MS).toFixed(2)}× the anchor, Marp CLI's ${MARP_DECK_MS / 1000} s a deck`,
    );
    // The wall time depends on what else the machine runs; the CPU time does not.
    console.log(
      `booklet CPU time (server + its Chromium): ${cpuPerBooklet.toFixed(1)} s, i.e. ≥ ${((cpuPerBooklet / os.cpus().length) * 1000).toFixed(0)} ms of wall time on ${os.cpus().length} idle cores`,
    );

    const concurrentMemory = samplePeak(serverPid);
    const each: number[] = [];
    const concurrent = await timed(
      async () =>
        void (await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            timed(async () => void (await fetchPdf(`${server.baseUrl}/api/pdf/${COURSE}/${index + 1}`))).then((t) =>
              each.push(t),
            ),
          ),
        )),
    );
    each.sort((a, b) => a - b);
    console.log(
      `10 chapter PDFs requested at once: all done in ${ms(concurrent)}, each ${ms(each[0] ?? NaN)}–${ms(each.at(-1) ?? NaN)}; peak memory ${(concurrentMemory.stop() / 1024 / 1024).toFixed(0)} MB PSS (target ≤ 1536 MB)`,
    );

    await new Promise((resolve) => setTimeout(resolve, IDLE_CLOSE_MS + 3_000));
    const chromiumLeft = processTree(serverPid).filter((pid) => readProc(pid, "cmdline").includes("chromium")).length;
    console.log(
      `idle server ${(IDLE_CLOSE_MS / 1000).toFixed(0)} s after the last PDF: ${(treeMemory(serverPid) / 1024 / 1024).toFixed(0)} MB PSS (target ≤ 300 MB), Chromium processes left: ${chromiumLeft} (target 0)`,
    );
    const afterIdle = await timed(async () => void (await fetchPdf(chapterUrl)));
    console.log(`chapter PDF after the idle close (Chromium launched again on its kept profile): ${ms(afterIdle)}`);
    console.log(
      `server peak memory (Node + its Chromium, sampled PSS): ${(memory.stop() / 1024 / 1024).toFixed(0)} MB`,
    );

    await server.stop();
    server = await startBenchServer(serverOptions);
    const firstKept = await timed(async () => void (await fetchPdf(`${server.baseUrl}/api/pdf/${COURSE}/${CHAPTER}`)));
    console.log(
      `first chapter PDF after a server start, Chromium on the profile it kept: ${ms(firstKept)} (target ≤ 3000 ms)`,
    );
  } finally {
    memory.stop();
    await browser.close();
    await server.stop();
  }
}
