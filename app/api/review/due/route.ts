import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, parseInput } from "@/lib/api/http";
import { dueQueue } from "@/lib/study/queue";
import { dueQuerySchema } from "@/lib/study/schemas";

/** GET /api/review/due?course=&chapter=&limit=&ahead=1 → { cards, counts } */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(dueQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const { ahead, ...scope } = query.data;
  return Response.json(await dueQueue({ ...scope, ahead: ahead === "1" }, new Date()));
});
