import { jsonError } from "./http";

/**
 * 403 unless the request comes from the app's own pages: a page in another tab must not be able to
 * write the user's files. Browsers send `Sec-Fetch-Site` (trusted: scripts cannot set it) and, on
 * writes, `Origin`; a request with neither is a non-browser client (curl, scripts), which is allowed.
 */
export function assertSameOrigin(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return jsonError(403, `cross-site requests may not change content (Sec-Fetch-Site: ${site})`);
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return jsonError(403, `the request's Origin "${origin}" is not a URL`);
  }
  return originHost === host ? null : jsonError(403, `requests from ${origin} may not change content`);
}

/** 415 unless the body is declared as JSON. */
export function assertJsonBody(request: Request): Response | null {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  return type === "application/json" ? null : jsonError(415, "the request body must be application/json");
}
