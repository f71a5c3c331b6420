/**
 * `npm run pdf -- <course> [<n>] [-o file.pdf] [--notes]`: the same PDFs as /api/pdf, from the
 * command line. Uses the app at 127.0.0.1:$PORT (default 3000) when it is running; otherwise starts
 * the production build (`npm run build` first) on a free port for the time it takes.
 * Exit 0 when written, 1 on a usage error or a failed print, 2 for an unknown course or chapter,
 * 3 for content errors (listed file:line).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatContentError } from "@/lib/content/errors";
import { pdfBrowser } from "@/lib/pdf/browser";
import { bookletPdf, chapterPdf, type BookletProgress } from "@/lib/pdf/documents";
import { pdfFailure } from "@/lib/pdf/errors";
import { bookletPdfFileName, chapterPdfFileName } from "@/lib/pdf/file-names";
import { coursePrintPath } from "@/lib/pdf/print-urls";
import { chapterToPrint, courseToPrint, type NotPrintable } from "@/lib/pdf/sources";
import { appServer, UsageError } from "./app-server";

const USAGE = "Usage: npm run pdf -- <course> [<chapter>] [-o file.pdf] [--notes]";
function showProgress({ phase, done, total }: BookletProgress) {
  const line =
    phase === "assembling"
      ? `assembling the booklet (${total} chapters)…`
      : `printing: chapter ${Math.min(done + 1, total)} of ${total}…`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(50)}`);
}

function reportNotPrintable(reason: NotPrintable): number {
  console.error(`✗ ${reason.error}`);
  if (reason.kind === "content-errors")
    for (const error of reason.errors) console.error(`  ${formatContentError(error)}`);
  return reason.kind === "not-found" ? 2 : 3;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      notes: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
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
  const server = await appServer(coursePrintPath(course, { part: "front" }));
  try {
    const pdf =
      "chapter" in toPrint
        ? await chapterPdf(server.origin, toPrint.course, toPrint.chapter, { notes })
        : await bookletPdf(server.origin, toPrint.course, toPrint.chapters, { notes, onProgress: showProgress });
    const fileName =
      "chapter" in toPrint
        ? chapterPdfFileName(toPrint.course.id, toPrint.chapter.entry, { notes })
        : bookletPdfFileName(toPrint.course.id, { notes });
    const output = path.resolve(values.output ?? fileName);
    fs.writeFileSync(output, pdf);
    if (process.stderr.isTTY) process.stderr.write("\r".padEnd(51) + "\r");
    const shown = path.relative(process.cwd(), output);
    console.log(
      `✓ ${shown.startsWith("..") ? output : shown} (${(pdf.byteLength / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await pdfBrowser().close();
    await server.stop();
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
