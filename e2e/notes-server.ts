import fs from "node:fs";
import path from "node:path";
import { migrateServerDatabase, startNextServer, type NextServer } from "../scripts/next-server";

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
  const databasePath = path.resolve(`.cache/e2e-${e2ePort}/${name}.db`);
  const env = { ...process.env, NEXT_DIST_DIR: `.next-test-${e2ePort}`, DATABASE_URL: `file:${databasePath}` };
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  migrateServerDatabase(env);
  let running: NextServer | undefined;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    databasePath,
    async start(until = (status: number) => status === 200) {
      running = await startNextServer({ port, env, probePath: "/api/notes?course=deep-dive-llms&chapter=1", until });
    },
    async stop() {
      const server = running;
      running = undefined;
      // As abrupt as a crash or a pulled plug (a graceful stop would wait for the browser's open connections).
      await server?.stop("SIGKILL");
    },
  };
}
