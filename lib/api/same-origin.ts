import { jsonError } from "./http";

/**
 * Refuses a state-changing request another site made the browser send (403), and a body that
 * does not say it is JSON (415, which also keeps plain HTML forms out). `null` when it may go on.
 * The browser's `Sec-Fetch-Site` decides when present; otherwise `Origin` must be this host.
 */
export function assertSameOrigin(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (site !== null && site !== "same-origin" && site !== "none") {
    return jsonError(403, "cross-site requests are refused");
  }
  if (site === null && origin !== null && origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) return jsonError(403, "cross-site requests are refused");
  }
  if (origin === "null") return jsonError(403, "cross-site requests are refused");
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) return jsonError(415, "the request body must be application/json");
  return null;
}
