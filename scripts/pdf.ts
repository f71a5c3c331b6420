/**
 * `npm run pdf -- <course> [<n>] [-o file.pdf] [--notes]`: the same PDFs as /api/pdf, from the
 * command line. Uses the app at 127.0.0.1:$PORT (default 3000) when it is running; otherwise starts
 * the production build (`npm run build` first) on a free port for the time it takes.
 * Exit 0 when written, 1 on a usage error or a failed print, 2 for an unknown course or chapter,
 * 3 for content errors (listed file:line).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatContentError } from "@/lib/content/errors";
import { resolveDatabasePath } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrations";
import { pdfBrowser } from "@/lib/pdf/browser";
import { bookletPdf, chapterPdf, type BookletProgress } from "@/lib/pdf/documents";
import { pdfFailure } from "@/lib/pdf/errors";
import { bookletPdfFileName, chapterPdfFileName } from "@/lib/pdf/file-names";
import { coursePrintPath } from "@/lib/pdf/print-urls";
import { chapterToPrint, courseToPrint, type NotPrintable } from "@/lib/pdf/sources";

const USAGE = "Usage: npm run pdf -- <course> [<chapter>] [-o file.pdf] [--notes]";
const SERVER_START_TIMEOUT_MS = 60_000;

interface AppServer {
  origin: string;
  stop: () => void;
}

class UsageError extends Error {}

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

/** The running app if it serves this course's print page, else the production build started here. */
async function appServer(course: string): Promise<AppServer> {
  const port = Number(process.env.PORT ?? 3000);
  const running = `http://127.0.0.1:${port}`;
  // Something listens there: if it is this app (`npm run dev` may first compile the page), use it.
  if ((await listening(port)) && (await answers(running + coursePrintPath(course, { part: "front" }), SERVER_START_TIMEOUT_MS))) {
    return { origin: running, stop: () => undefined };
  }

  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new UsageError(`No production build in ${distDir}/ and no app running at ${running}: run \`npm run build\` first.`);
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
      throw new Error(`the app did not start on ${origin} (next start ${child.exitCode !== null ? `exited with ${child.exitCode}` : "timed out"})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, stop };
}

function showProgress({ phase, done, total }: BookletProgress) {
  const line = phase === "assembling" ? `assembling the booklet (${total} chapters)…` : `printing: chapter ${Math.min(done + 1, total)} of ${total}…`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(50)}`);
}

function reportNotPrintable(reason: NotPrintable): number {
  console.error(`✗ ${reason.error}`);
  if (reason.kind === "content-errors") for (const error of reason.errors) console.error(`  ${formatContentError(error)}`);
  return reason.kind === "not-found" ? 2 : 3;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { output: { type: "string", short: "o" }, notes: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [course, chapter, ...extra] = positionals;
  if (!course || extra.length > 0) throw new UsageError(USAGE);
  const notes = values.notes ?? false;

  const toPrint = chapter === undefined ? await courseToPrint(course) : await chapterToPrint(course, chapter);
  if (toPrint.kind !== "printable") return reportNotPrintable(toPrint);

  const started = performance.now();
  const server = await appServer(course);
  try {
    const pdf =
      "chapter" in toPrint
        ? await chapterPdf(server.origin, toPrint.course, toPrint.chapter, { notes })
        : await bookletPdf(server.origin, toPrint.course, toPrint.chapters, { notes, onProgress: showProgress });
    const fileName = "chapter" in toPrint ? chapterPdfFileName(toPrint.course.id, toPrint.chapter.entry, { notes }) : bookletPdfFileName(toPrint.course.id, { notes });
    const output = path.resolve(values.output ?? fileName);
    fs.writeFileSync(output, pdf);
    if (process.stderr.isTTY) process.stderr.write("\r".padEnd(51) + "\r");
    const shown = path.relative(process.cwd(), output);
    console.log(`✓ ${shown.startsWith("..") ? output : shown} (${(pdf.byteLength / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await pdfBrowser().close();
    server.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(1);
    }
    const failure = pdfFailure(error);
    console.error(`✗ ${failure.error}`);
    if (failure.install) console.error(`  install it with: ${failure.install}`);
    process.exit(1);
  },
);
