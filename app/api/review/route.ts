import { failureResponse, jsonError, parseInput, readJsonBody } from "@/lib/api/http";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { rateCard } from "@/lib/study/queue";
import { REVIEW_REQUEST_MAX_BYTES, reviewInputSchema } from "@/lib/study/schemas";

/** POST /api/review { cardId, rating, reviewId, reviewedAt? } → 200 { card, applied, due }; once per reviewId. */
export async function POST(request: Request) {
  const refused = assertSameOrigin(request);
  if (refused) return refused;
  const json = await readJsonBody(request, REVIEW_REQUEST_MAX_BYTES);
  if (!json.ok) return failureResponse(json);
  const input = parseInput(reviewInputSchema, json.data);
  if (!input.ok) return failureResponse(input);
  const result = await rateCard(input.data, new Date());
  if (!result.ok) return jsonError(404, `there is no card "${input.data.cardId}"`, "cardId");
  return Response.json(result.response);
}
