import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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
export const BENCH_PORT = Number(process.env.BENCH_PORT) || Number(process.env.PORT) || 3290;
const BENCH_DIST_DIR = ".next-bench";

const BUILT_FROM = ["app", "lib", "components", "next.config.ts", "package.json"];

/** The code a build is made from: its committed trees and any uncommitted change to them. */
function codeVersion(): string {
  const head = spawnSync("git", ["rev-parse", ...BUILT_FROM.map((entry) => `HEAD:${entry}`)], {
    encoding: "utf8",
  }).stdout;
  const changes = spawnSync("git", ["status", "--porcelain", "--", ...BUILT_FROM], { encoding: "utf8" }).stdout;
  return createHash("sha256")
    .update(head + changes)
    .digest("hex");
}

/**
 * `next build` into `distDir`, timed. Next adds `<distDir>/types` to tsconfig.json for any
 * folder other than .next; the file is put back as it was, so benchmarks leave no change behind.
 */
export function nextBuild(distDir: string, env: NodeJS.ProcessEnv): number {
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  const started = performance.now();
  try {
    const build = spawnSync("npx", ["next", "build"], {
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
      stdio: "ignore",
    });
    if (build.status !== 0) throw new Error(`next build into ${distDir} failed`);
    return performance.now() - started;
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig);
  }
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
  const port = BENCH_PORT;
  const name = options.name ?? "bench";
  const databasePath = path.resolve(`.cache/${name}/study.db`);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  // BENCH_DIST_DIR reuses a production build made already (the e2e one), sparing a busy machine a rebuild.
  const given = options.distDir ?? process.env.BENCH_DIST_DIR;
  const distDir = given ?? BENCH_DIST_DIR;
  if (!given) ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: `file:${databasePath}`,
    PORT: String(port),
    ...options.env,
  };
  spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "migrate"], { env, stdio: "ignore" });
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the bench server did not start on ${baseUrl}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    databasePath,
    process: child,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
