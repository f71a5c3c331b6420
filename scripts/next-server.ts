/**
 * `next build` and `next start` of a production build for the tools that need their own app: the
 * benchmarks, the e2e tests' build and spare servers, the command-line scripts. One way to build it,
 * migrate its database, start it, wait until it answers and stop it, so a fix to any of these
 * reaches every caller.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

/** How long `next start` may take to answer (a busy machine may need most of it). */
export const SERVER_START_TIMEOUT_MS = 60_000;

export interface NextServer {
  origin: string;
  process: ChildProcess;
  /** Ends the server's process group and waits until nothing answers on its port any more. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const isOk = (status: number) => status >= 200 && status < 300;

/** Whether `url` answers within `timeoutMs` with a status `until` accepts (by default a 2xx). */
export async function answers(url: string, timeoutMs = 2_000, until = isOk): Promise<boolean> {
  try {
    return until((await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status);
  } catch {
    return false;
  }
}

/**
 * `next build` into `distDir`, timed. Next adds `<distDir>/types` to tsconfig.json for any folder
 * other than .next (and reformats it): the file is put back as it was, so a test or benchmark build
 * leaves no change behind to be committed by mistake.
 */
export function nextBuild(distDir: string, env: NodeJS.ProcessEnv, stdio: StdioOptions = "ignore"): number {
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  const started = performance.now();
  try {
    const build = spawnSync("npx", ["next", "build"], {
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
      stdio,
    });
    if (build.status !== 0) throw new Error(`next build into ${distDir} failed`);
    return performance.now() - started;
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig);
  }
}

/** Applies the migrations to the database `env.DATABASE_URL` names, in a process of its own (as `npm run db:migrate`). */
export function migrateServerDatabase(env: NodeJS.ProcessEnv): void {
  const migrated = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "migrate"], {
    env,
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migrating ${env.DATABASE_URL} failed: ${migrated.stderr}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts `next start` on `port` (the build in `env.NEXT_DIST_DIR`, else .next) and resolves once
 * `probePath` answers (with a status `until` accepts: by default a 2xx); throws, with the server
 * stopped, if it exits or does not answer in time.
 */
export async function startNextServer(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  probePath?: string;
  until?: (status: number) => boolean;
  stdio?: StdioOptions;
}): Promise<NextServer> {
  const { port } = options;
  const origin = `http://127.0.0.1:${port}`;
  // Next's own command run by this Node, not through npx: npx keeps an npm process (about 30 MB) and
  // a shell alive in front of the server, which the benches would count as the server's memory.
  // Its own process group, so stopping it also ends whatever the server started (its Chromium).
  // A long keep-alive, as in playwright.config.ts: no client reuses a socket the server is closing.
  const nextCommand = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const args = [nextCommand, "start", "-H", "127.0.0.1", "-p", String(port), "--keepAliveTimeout", "120000"];
  const child = spawn(process.execPath, args, {
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: options.stdio ?? "ignore",
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid, signal);
    await exited;
    // The port is free once nothing answers on it (any answer, even an error page, means not yet).
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(origin, { signal: AbortSignal.timeout(200) });
      } catch {
        return;
      }
      await sleep(100);
    }
  };

  const probe = origin + (options.probePath ?? "/");
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (!(await answers(probe, 2_000, options.until))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const why = child.exitCode !== null ? `exited with ${child.exitCode}` : "timed out";
      await stop();
      throw new Error(`the app did not start on ${origin} (next start ${why})`);
    }
    await sleep(250);
  }
  return { origin, process: child, stop };
}
