import { withDatabaseErrors } from "@/lib/api/database-errors";
import { assertDatabaseUsable } from "@/lib/db";
import { getLocale } from "next-intl/server";
import { chapterPdf, printOrigin } from "@/lib/pdf/documents";
import { chapterPdfFileName } from "@/lib/pdf/file-names";
import { notPrintableResponse, parsePdfQuery, pdfErrorResponse, pdfResponse } from "@/lib/pdf/responses";
import { preparePrinting } from "@/lib/pdf/render";
import { chapterToPrint } from "@/lib/pdf/sources";

type Context = { params: Promise<{ course: string; chapter: string }> };

/** GET /api/pdf/<course>/<n>[?notes=1][&quiz=1] → the chapter's sheet as one A4 page (answers blanked for a quiz; then its notes pages). */
export const GET = withDatabaseErrors(async function GET(request: Request, context: Context) {
  const { course, chapter } = await context.params;
  const query = parsePdfQuery(request.url);
  if (!query.ok) return query.response;
  preparePrinting();
  const toPrint = await chapterToPrint(course, chapter);
  if (toPrint.kind !== "printable") return notPrintableResponse(toPrint);
  await assertDatabaseUsable();
  try {
    const locale = await getLocale();
    const options = { notes: query.notes, quiz: query.quiz };
    const pdf = await chapterPdf(printOrigin(request.url), toPrint.course, toPrint.chapter, { ...options, locale });
    return pdfResponse(pdf, chapterPdfFileName(toPrint.course.id, toPrint.chapter.entry, options));
  } catch (error) {
    return pdfErrorResponse(error);
  }
});
