/** The app for command-line scripts (pdf, content:check --fit): the running one, or one started here. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { resolveDatabasePath } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrations";

const SERVER_START_TIMEOUT_MS = 60_000;

export interface AppServer {
  origin: string;
  stop: () => void;
}

/** A mistake of the person running the script: shown as it is, no stack. */
export class UsageError extends Error {}

async function answers(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The running app if it answers `probePath` (e.g. a print page), else the production build
 * started here on a free port for the time the script needs it.
 */
export async function appServer(probePath: string): Promise<AppServer> {
  const port = Number(process.env.PORT ?? 3000);
  const running = `http://127.0.0.1:${port}`;
  // Something listens there: if it is this app (`npm run dev` may first compile the page), use it.
  if ((await listening(port)) && (await answers(running + probePath, SERVER_START_TIMEOUT_MS))) {
    return { origin: running, stop: () => undefined };
  }

  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new UsageError(
      `No production build in ${distDir}/ and no app running at ${running}: run \`npm run build\` first.`,
    );
  }
  await migrateDatabase({ databasePath: resolveDatabasePath(), migrationsDir: path.resolve("prisma", "migrations") });
  const freshPort = await freePort();
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(freshPort)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(freshPort) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const origin = `http://127.0.0.1:${freshPort}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (!(await answers(origin + "/"))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(
        `the app did not start on ${origin} (next start ${child.exitCode !== null ? `exited with ${child.exitCode}` : "timed out"})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, stop };
}
