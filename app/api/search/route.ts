import { z } from "zod";
import { withDatabaseErrors } from "@/lib/api/database-errors";
import { jsonError } from "@/lib/api/http";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { DEFAULT_LIMIT, MAX_LIMIT, search } from "@/lib/search/search";

const searchQuerySchema = z.object({
  q: z
    .string({ error: "q: give a search text, e.g. /api/search?q=token" })
    .trim()
    .min(1, "q: give a search text, e.g. /api/search?q=token")
    .max(MAX_QUERY_LENGTH, `q: a search text is at most ${MAX_QUERY_LENGTH} characters`),
  limit: z.coerce
    .number({ error: `limit: a whole number from 1 to ${MAX_LIMIT}` })
    .int(`limit: a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `limit: a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `limit: a whole number from 1 to ${MAX_LIMIT}`)
    .default(DEFAULT_LIMIT),
});

/** GET /api/search?q=&limit= → { results: [...] }, best first (lib/search). */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = searchQuerySchema.safeParse({
    q: params.get("q") ?? undefined,
    limit: params.get("limit") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, issue?.message ?? "invalid query", String(issue?.path[0] ?? "q"));
  }
  return Response.json({ results: await search(parsed.data.q, { limit: parsed.data.limit }) });
});
