import { jsonError, refuseCrossSite } from "./http";

// Interim: the write routes of the studio and course packs call these; they fold into
// parseJsonRequest / refuseCrossSite of lib/api/http.ts.
export const assertSameOrigin = refuseCrossSite;

/** 415 unless the body is declared as JSON. */
export function assertJsonBody(request: Request): Response | null {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/json" ? null : jsonError(415, "the request body must be application/json");
}

/** A JSON write route's two gates: same origin (403), then a JSON body (415). */
export function assertSameOriginJson(request: Request): Response | null {
  return refuseCrossSite(request) ?? assertJsonBody(request);
}
