/**
 * `npm test`: every test, unit then end-to-end, and one closing line with the totals.
 * Fails at once, with the line that fixes it, when Chromium is missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumMissingMessage } from "@/lib/chromium";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestTotals(file: string): Totals {
  const report = readJson(file) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0, skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0) };
}

function playwrightTotals(file: string): Totals {
  const report = readJson(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  const stats = report?.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const vitestReport = ".cache/vitest.json";
const playwrightReport = `.cache/e2e-${process.env.E2E_PORT ?? 3210}/results.json`;
fs.mkdirSync(".cache", { recursive: true });
fs.rmSync(vitestReport, { force: true });
fs.rmSync(playwrightReport, { force: true });

const unitStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`]);
const e2eStatus = run("npx", ["playwright", "test", ...process.argv.slice(2)]);

const unit = vitestTotals(vitestReport);
const e2e = playwrightTotals(playwrightReport);
const failed = unit.failed + e2e.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${failed} failed`);
process.exit(unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
