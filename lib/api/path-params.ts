/**
 * Route parameters come from the URL path, percent-encoded by whoever wrote the link. Next.js
 * decodes them itself and answers a bare 500 when a segment is not valid percent-encoding
 * (`%E0`, `%ZZ`). The proxy (proxy.ts) checks every path with `pathProblem` first, so a route only
 * ever sees parameters that decoded cleanly and cannot name anything outside its own folder.
 */

/** The segment decoded, or null when it is not valid percent-encoded UTF-8. */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Why this path (as sent, still encoded) must be refused with a 400, or null when it is fine:
 * a segment that does not decode, or one that decodes to a control character, a slash or
 * backslash (an encoded `%2F` smuggling a path into one parameter) or a `.`/`..` step.
 * No route has a parameter that may hold any of these.
 */
export function pathProblem(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    const decoded = decodePathSegment(segment);
    if (decoded === null) return `"${segment.slice(0, 80)}" is not valid percent-encoding`;
    if (/[\p{Cc}/\\]/u.test(decoded)) return `"${segment.slice(0, 80)}" encodes a control character or a slash`;
    if (decoded === "." || decoded === "..") return `"${segment.slice(0, 80)}" encodes a "${decoded}" path step`;
  }
  return null;
}
