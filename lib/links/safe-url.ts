/**
 * Link targets a note or a sheet may have: http(s), mailto, and links inside the app (relative, #anchor).
 * Browsers ignore tabs, newlines and control characters inside a URL ("java\tscript:"), so the
 * scheme is read without them. Anything else becomes "" (a link to nowhere).
 */
export function safeUrl(url: string): string {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return ["http", "https", "mailto"].includes((scheme[1] ?? "").toLowerCase()) ? compact : "";
  // "\\evil.com" and "/\evil.com" are protocol-relative to a browser; plain "/x", "x", "#x" are not.
  return /^[\\/][\\/]/.test(compact) ? "" : compact;
}
