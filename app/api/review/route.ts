import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, jsonError, parseJsonRequest } from "@/lib/api/http";
import { rateCard } from "@/lib/study/queue";
import { REVIEW_REQUEST_MAX_BYTES, reviewInputSchema } from "@/lib/study/schemas";

/** POST /api/review { cardId, rating, reviewId, reviewedAt? } → 200 { card, applied, due }; once per reviewId. */
export const POST = withDatabaseErrors(async function POST(request: Request) {
  const input = await parseJsonRequest(request, reviewInputSchema, REVIEW_REQUEST_MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  const result = await rateCard(input.data, new Date());
  if (!result.ok) return jsonError(404, `there is no card "${input.data.cardId}"`, "cardId");
  return Response.json(result.response);
});
