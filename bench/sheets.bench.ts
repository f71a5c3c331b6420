import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/chromium";
import { loadAllCourses } from "@/lib/content/course";
import { compileSheetSource, sheetPath } from "@/lib/content/sheet";
import fs from "node:fs";
import { ms, reportTimeToReady, startBenchServer } from "./server";

/** Sheet engine: time to compile every chapter, and time until a production sheet page is ready. */
export async function run() {
  const started = performance.now();
  let compiled = 0;
  for (const result of loadAllCourses()) {
    if (!result.ok) continue;
    for (const chapter of result.course.chapters) {
      const file = sheetPath(chapter);
      if (!file) continue;
      await compileSheetSource(fs.readFileSync(file, "utf8"), file, result.course, chapter.number);
      compiled++;
    }
  }
  const total = performance.now() - started;
  console.log(`compile all chapters: ${compiled} sheets in ${ms(total)} (${ms(total / compiled)} a sheet)`);

  const server = await startBenchServer({ name: "bench-sheets" });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const path of ["/courses/deep-dive-llms/8", "/courses/deep-dive-llms/8/print"]) {
      await reportTimeToReady(page, server.baseUrl + path, path, 5);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
