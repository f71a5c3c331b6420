/**
 * `npm test`: the typecheck, the linter (ESLint, then knip for dead exports, files and dependencies) and the
 * format check, then every test, unit then end-to-end, and one closing
 * line with the totals (a failed check counts as one failure). Fails at once, with the line that
 * fixes it, when Chromium is missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { z } from "zod";
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

const count = z.number().int().nonnegative().default(0);
const vitestReportSchema = z.object({
  numPassedTests: count,
  numFailedTests: count,
  numPendingTests: count,
  numTodoTests: count,
});
const playwrightReportSchema = z.object({
  stats: z.object({ expected: count, unexpected: count, flaky: count, skipped: count }),
});

function vitestTotals(file: string): Totals {
  const report = vitestReportSchema.safeParse(readJson(file));
  if (!report.success) return { passed: 0, failed: 0, skipped: 0 };
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = report.data;
  return { passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests + numTodoTests };
}

function playwrightTotals(file: string): Totals {
  const report = playwrightReportSchema.safeParse(readJson(file));
  if (!report.success) return { passed: 0, failed: 0, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.data.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
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

// The checks first: they are quick and name the line to fix. A failing check fails the run but the
// tests still run, so one `npm test` shows everything that is wrong.
const checks = [
  { name: "typecheck", status: run("npx", ["tsc", "--noEmit"]) },
  { name: "lint", status: run("npx", ["eslint", "--max-warnings", "0", "."]) },
  { name: "dead code", status: run("npx", ["knip", "--no-progress"]) },
  { name: "format", status: run("npx", ["prettier", "--check", "--log-level", "warn", "."]) },
];
const failedChecks = checks.filter((check) => check.status !== 0);

const unitStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
const e2eStatus = run("npx", ["playwright", "test", ...process.argv.slice(2)]);

const unit = vitestTotals(vitestReport);
const e2e = playwrightTotals(playwrightReport);
const failed =
  failedChecks.length +
  unit.failed +
  e2e.failed +
  (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) +
  (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
const checkLine = checks.map((check) => `${check.name} ${check.status === 0 ? "ok" : "FAILED"}`).join(", ");
console.log(`\n${checkLine}`);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${failed} failed`);
process.exit(failedChecks.length === 0 && unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
