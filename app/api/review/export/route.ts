import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, parseInput } from "@/lib/api/http";
import { ankiExport } from "@/lib/study/queue";
import { scopeQuerySchema } from "@/lib/study/schemas";

/** GET /api/review/export?course=&chapter= → the cards as an Anki-importable TSV file. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(scopeQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const name = [query.data.course ?? "study-sheets", query.data.chapter].filter(Boolean).join("-");
  return new Response(await ankiExport(query.data, new Date()), {
    headers: {
      "content-type": "text/tab-separated-values; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-cards.tsv"`,
    },
  });
});
