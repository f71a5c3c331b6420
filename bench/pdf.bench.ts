import fs from "node:fs";
import os from "node:os";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/chromium";
import { ms, percentile, startBenchServer } from "./server";

const COURSE = "deep-dive-llms";
const CHAPTER = 8;
const ROUNDS = 8;
const BOOKLET_ROUNDS = 2;

/** Resident memory of a process tree (the server and the Chromium it launched), in bytes. */
function treeRss(root: number): number {
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
  let total = 0;
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // ended
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function samplePeak(root: number): { stop: () => number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeRss(root));
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
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  return body.byteLength;
}

/**
 * PDF export: the warm time of GET /api/pdf/<course>/8 next to its floor (bare Playwright goto +
 * wait for data-ready + page.pdf of the same print page, in a browser already open), their ratio,
 * the whole-course booklet, and the server's peak memory (Node and its Chromium).
 */
export async function run() {
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const server = await startBenchServer({ port: 3293, name: "bench-pdf" });
  const memory = samplePeak(server.process.pid ?? 0);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const chapterUrl = `${server.baseUrl}/api/pdf/${COURSE}/${CHAPTER}`;
    const printUrl = `${server.baseUrl}/courses/${COURSE}/${CHAPTER}/print`;
    const page = await browser.newPage();
    const floor = async () => {
      await page.goto(printUrl, { waitUntil: "domcontentloaded" });
      await page.waitForSelector("[data-sheet][data-ready=true]", { timeout: 30_000 });
      await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    };
    // Warm both: the server launches its browser and compiles the routes on first use.
    await fetchPdf(chapterUrl);
    await fetchPdf(chapterUrl);
    await floor();

    // Interleaved, so both see the same machine load.
    const serverTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      serverTimes.push(await timed(async () => void (await fetchPdf(chapterUrl))));
      floorTimes.push(await timed(floor));
    }
    serverTimes.sort((a, b) => a - b);
    floorTimes.sort((a, b) => a - b);
    const serverP50 = percentile(serverTimes, 50);
    const floorP50 = percentile(floorTimes, 50);
    console.log(`GET /api/pdf/${COURSE}/${CHAPTER} (warm): p50 ${ms(serverP50)}, min ${ms(serverTimes[0])}, max ${ms(serverTimes.at(-1) ?? NaN)} (${ROUNDS} runs)`);
    console.log(`floor (Playwright goto + ready + page.pdf, open browser): p50 ${ms(floorP50)}, min ${ms(floorTimes[0])}, max ${ms(floorTimes.at(-1) ?? NaN)}`);
    console.log(`ratio server / floor: ${(serverP50 / floorP50).toFixed(2)} (target ≤ 1.3)`);
    await page.close();

    const bookletUrl = `${server.baseUrl}/api/pdf/${COURSE}`;
    const bytes = await fetchPdf(bookletUrl); // first booklet: compiles the course print page
    const bookletTimes: number[] = [];
    for (let round = 0; round < BOOKLET_ROUNDS; round++) bookletTimes.push(await timed(async () => void (await fetchPdf(bookletUrl))));
    console.log(
      `GET /api/pdf/${COURSE} booklet of 24 sheets (warm): ${bookletTimes.map((t) => ms(t)).join(", ")}; best ${ms(Math.min(...bookletTimes))} (target ≤ 8000 ms), ${(bytes / 1024 / 1024).toFixed(1)} MB`,
    );

    const concurrent = await timed(async () => void (await Promise.all(Array.from({ length: 10 }, (_, index) => fetchPdf(`${server.baseUrl}/api/pdf/${COURSE}/${index + 1}`)))));
    console.log(`10 chapter PDFs requested at once: all done in ${ms(concurrent)}`);
  } finally {
    console.log(`server peak memory (Node + its Chromium, sampled RSS): ${(memory.stop() / 1024 / 1024).toFixed(0)} MB`);
    await browser.close();
    await server.stop();
  }
}
