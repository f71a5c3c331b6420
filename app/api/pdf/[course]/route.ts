import { withDatabaseErrors } from "@/lib/api/database-errors";
import { assertDatabaseUsable } from "@/lib/db";
import { getLocale, getTranslations } from "next-intl/server";
import { jsonError, refuseCrossSite } from "@/lib/api/http";
import { bookletJobs } from "@/lib/pdf/booklet-jobs";
import { bookletPdf, printOrigin } from "@/lib/pdf/documents";
import { bookletPdfFileName } from "@/lib/pdf/file-names";
import type { BookletStartAnswer } from "@/lib/pdf/booklet-answers";
import {
  bookletJobOr404,
  notPrintableResponse,
  parsePdfQuery,
  pdfErrorResponse,
  pdfResponse,
} from "@/lib/pdf/responses";
import { preparePrinting } from "@/lib/pdf/render";
import { courseToPrint } from "@/lib/pdf/sources";

type Context = { params: Promise<{ course: string }> };

/** The booklet's words in the language of the request that asks for it (cookie, else Accept-Language). */
async function requestLanguage() {
  const t = await getTranslations("pdf.booklet");
  return { locale: await getLocale(), notesBookmark: t("notesBookmark") };
}

/**
 * GET /api/pdf/<course>[?notes=1][&quiz=1] → the course as one PDF booklet (a quiz booklet: answers blanked).
 * GET /api/pdf/<course>?job=<id> → the booklet a POST started, once it is done.
 */
export const GET = withDatabaseErrors(async function GET(request: Request, context: Context) {
  const { course } = await context.params;
  const query = parsePdfQuery(request.url);
  if (!query.ok) return query.response;
  if (query.job) {
    const job = bookletJobOr404(course, query.job);
    if (job instanceof Response) return job;
    if (job.status.state === "running")
      return jsonError(409, "the booklet is still being printed: follow /progress until it is done", "job");
    if (job.status.state === "failed") {
      const { status, ...body } = job.status.failure;
      return Response.json(body, { status });
    }
    return pdfResponse(job.status.pdf, bookletPdfFileName(course, { notes: job.notes, quiz: job.quiz }));
  }
  preparePrinting();
  const toPrint = await courseToPrint(course);
  if (toPrint.kind !== "printable") return notPrintableResponse(toPrint);
  await assertDatabaseUsable();
  try {
    const options = { notes: query.notes, quiz: query.quiz };
    const language = await requestLanguage();
    const pdf = await bookletPdf(printOrigin(request.url), toPrint.course, toPrint.chapters, {
      ...options,
      ...language,
    });
    return pdfResponse(pdf, bookletPdfFileName(toPrint.course.id, options));
  } catch (error) {
    return pdfErrorResponse(error);
  }
});

/**
 * POST /api/pdf/<course>[?notes=1][&quiz=1] → 202 { job, total, progress, download }: prints the booklet in
 * the background; follow `progress` ("chapter k of n"), then fetch `download`.
 */
export const POST = withDatabaseErrors(async function POST(request: Request, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const { course } = await context.params;
  const query = parsePdfQuery(request.url);
  if (!query.ok) return query.response;
  preparePrinting();
  const toPrint = await courseToPrint(course);
  if (toPrint.kind !== "printable") return notPrintableResponse(toPrint);
  await assertDatabaseUsable();
  const origin = printOrigin(request.url);
  const language = await requestLanguage();
  const total = toPrint.chapters.length;
  const options = { notes: query.notes, quiz: query.quiz };
  const job = bookletJobs().start(toPrint.course.id, options, total, (onProgress) =>
    bookletPdf(origin, toPrint.course, toPrint.chapters, { ...options, ...language, onProgress }),
  );
  const base = `/api/pdf/${encodeURIComponent(toPrint.course.id)}`;
  const answer: BookletStartAnswer = {
    job: job.id,
    total,
    progress: `${base}/progress?job=${job.id}`,
    download: `${base}?job=${job.id}`,
  };
  return Response.json(answer, { status: 202, headers: { location: `${base}/progress?job=${job.id}` } });
});
