import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * A second server for the notes tests that must stop a server mid-edit or start from an empty
 * database: the e2e build (already made by playwright.config.ts for E2E_PORT) served by another
 * `next start` on its own port with its own database file.
 */
export interface SpareServer {
  baseURL: string;
  databasePath: string;
  /** Starts the server; resolves once an answer meets `until` (default: a 200, so the database works). */
  start: (until?: (status: number) => boolean) => Promise<void>;
  stop: () => Promise<void>;
}

const e2ePort = Number(process.env.E2E_PORT ?? 3210);

export function spareServer(name: string, portOffset: number): SpareServer {
  const port = e2ePort + 400 + portOffset;
  const baseURL = `http://127.0.0.1:${port}`;
  const databasePath = path.resolve(`.cache/e2e-${e2ePort}/${name}.db`);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: `.next-test-${e2ePort}`,
    DATABASE_URL: `file:${databasePath}`,
    PORT: String(port),
  };
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  const migrated = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "migrate"], {
    env,
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migrating ${databasePath} failed: ${migrated.stderr}`);
  let child: ChildProcess | undefined;

  return {
    baseURL,
    databasePath,
    async start(until = (status: number) => status === 200) {
      child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
        env,
        stdio: "ignore",
        detached: true,
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          if (until((await fetch(`${baseURL}/api/notes?course=deep-dive-llms&chapter=1`)).status)) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`the spare server did not start on ${baseURL}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running?.pid || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      // As abrupt as a crash or a pulled plug (a graceful stop would wait for the browser's open connections).
      process.kill(-running.pid, "SIGKILL");
      await exited;
      // The port is free once nothing answers on it.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(baseURL, { signal: AbortSignal.timeout(200) });
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
