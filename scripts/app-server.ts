/** The app for command-line scripts (pdf, content:check --fit): the running one, or one started here. */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildFolder } from "@/lib/build-folder";
import { resolveDatabasePath } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrations";
import { answers, SERVER_START_TIMEOUT_MS, startNextServer } from "./next-server";

export interface AppServer {
  origin: string;
  stop: () => Promise<void>;
}

/** A mistake of the person running the script: shown as it is, no stack. */
export class UsageError extends Error {}

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
    return { origin: running, stop: () => Promise.resolve() };
  }

  const distDir = buildFolder();
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new UsageError(
      `No production build in ${distDir}/ and no app running at ${running}: run \`npm run build\` first.`,
    );
  }
  await migrateDatabase({ databasePath: resolveDatabasePath(), migrationsDir: path.resolve("prisma", "migrations") });
  const server = await startNextServer({
    port: await freePort(),
    env: process.env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { origin: server.origin, stop: () => server.stop() };
}
