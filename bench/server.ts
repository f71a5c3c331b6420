import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * A production server for benchmarks: builds once into its own folder, with its own database, on
 * its own port, and stops when asked.
 */
export interface BenchServer {
  baseUrl: string;
  databasePath: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * `env` applies to the build and the server; `startEnv` to the server only (e.g. synthetic
 * courses that the build's static generation should not pre-render).
 */
export async function startBenchServer(options: { port?: number; name?: string; env?: Record<string, string>; startEnv?: Record<string, string> } = {}): Promise<BenchServer> {
  // BENCH_PORT overrides, for a machine where the usual ports belong to someone else.
  const port = Number(process.env.BENCH_PORT) || (options.port ?? 3290);
  const name = options.name ?? "bench";
  const distDir = `.next-${name}`;
  const databasePath = path.resolve(`.cache/${name}/study.db`);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, DATABASE_URL: `file:${databasePath}`, PORT: String(port), ...options.env };
  if (!fs.existsSync(path.join(distDir, "BUILD_ID")) || process.env.BENCH_REBUILD === "1") {
    console.log(`building the app into ${distDir} …`);
    const build = spawnSync("npx", ["next", "build"], { env, stdio: "ignore" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "migrate"], { env, stdio: "ignore" });
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1"], { env: { ...env, ...options.startEnv }, stdio: "ignore", detached: true });
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
