import { jsonError } from "./http";

/**
 * Refuses a state-changing request that another site made the browser send (403). Browsers say
 * so in `Sec-Fetch-Site`; older ones only send `Origin`, which must then be this request's host.
 * A request with neither (curl, scripts on this machine) is allowed: the app listens on 127.0.0.1.
 */
export function assertSameOrigin(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none" ? null : forbidden();
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host ? null : forbidden();
  } catch {
    return forbidden();
  }
}

function forbidden(): Response {
  return jsonError(403, "cross-site requests may not change anything here");
}

/** A JSON write route's two gates: same origin (403), then a JSON body (415). */
export function assertSameOriginJson(request: Request): Response | null {
  const crossSite = assertSameOrigin(request);
  if (crossSite) return crossSite;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" ? null : jsonError(415, "send the body as application/json");
}
