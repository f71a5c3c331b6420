import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";

/** The e2e suite runs against a production build made with the test fixtures and its own database. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// Build, database and reports are per port, so two suites can run side by side.
const workDir = `.cache/e2e-${E2E_PORT}`;
export const E2E_DATABASE = path.resolve(workDir, "study.db");
/** Courses the tests create (new course, imported packs) land here: the first content root, emptied each run. */
export const E2E_AUTHORED_CONTENT = path.resolve(workDir, "content");

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: `.next-test-${E2E_PORT}`,
  CONTENT_DIR: [E2E_AUTHORED_CONTENT, "content", "tests/fixtures/content"].join(path.delimiter),
  DATABASE_URL: `file:${E2E_DATABASE}`,
  PORT: String(E2E_PORT),
};

// The test process reads the same content as the server (to list every sheet it must check).
process.env.CONTENT_DIR = env.CONTENT_DIR;

export default defineConfig({
  testDir: "e2e",
  // Resolves `server-only` to an empty module for the specs (they import lib/ modules that carry it).
  tsconfig: "./tsconfig.e2e.json",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [["list"], ["json", { outputFile: `${workDir}/results.json` }]],
  outputDir: `${workDir}/artifacts`,
  use: {
    baseURL,
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: {
    command: [
      `rm -rf ${workDir}/study.db* ${E2E_AUTHORED_CONTENT}`,
      `mkdir -p ${E2E_AUTHORED_CONTENT}`,
      // Next adds its build folder to tsconfig.json; this build puts the file back as it was.
      "npx tsx scripts/next-build.ts",
      "npx tsx --conditions=react-server scripts/db.ts migrate",
      // Node closes a connection idle for 5 s by default; a test whose request comes just then (after
      // a few seconds of work in the test itself) reuses the closing socket and gets ECONNRESET.
      "npx next start -H 127.0.0.1 --keepAliveTimeout 120000",
    ].join(" && "),
    url: `${baseURL}/`,
    env,
    // A production build of the whole app comes first; on a busy 2-core machine it can take minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
