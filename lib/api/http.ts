/**
 * The one place where API routes read requests and shape error answers.
 *
 * For a route that changes state:
 * - with a JSON body: `const input = await parseJsonRequest(request, schema, maxBytes);`
 *   then `if (!input.ok) return failureResponse(input);` and use `input.data` (typed by `schema`).
 *   In this order it answers:
 *     403 when the request comes from another site (`refuseCrossSite` below),
 *     415 when the body is not `content-type: application/json` (charset, if given, must be utf-8),
 *     413 when the body is over `maxBytes` (checked while streaming) or a string is over its zod max,
 *     400 when the body is not valid UTF-8, not JSON, holds a lone surrogate, or fails `schema`;
 *   a 400 names the field at fault (`field`, dotted path) whenever there is one.
 * - without a body (DELETE, restore, uploads that are not JSON): `const refused = refuseCrossSite(request);`
 *   then `if (refused) return refused;` before doing anything else.
 * Refusals that leave a body unread carry `Connection: close`, so a client that keeps streaming an
 * upload does not leave the socket hanging for the next request.
 * Related: `withDatabaseErrors` (lib/api/database-errors.ts) wraps a handler so an unusable database
 * answers 503 `{ error }`; proxy.ts refuses addresses that are not valid percent-encoding (400).
 */
import type { z } from "zod";

/** What every JSON API answers on an error: a message, and the field at fault when there is one. */
interface ApiError {
  error: string;
  field?: string;
}

export type ApiFailure = ApiError & { status: 400 | 403 | 404 | 409 | 413 | 415 };

export type Parsed<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

/** Answers whose request body may still be (partly) unread: the connection must not be reused. */
const CLOSES_CONNECTION = new Set([403, 413, 415]);

export function jsonError(status: number, error: string, field?: string): Response {
  const payload: ApiError = field === undefined ? { error } : { error, field };
  const headers = CLOSES_CONNECTION.has(status) ? { connection: "close" } : undefined;
  return Response.json(payload, { status, headers });
}

export function failureResponse(failure: ApiFailure): Response {
  return jsonError(failure.status, failure.error, failure.field);
}

/** The host the request was sent to (what the browser put in the URL bar), from the Host header. */
function ownHost(request: Request): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}

/**
 * Why a request must be refused as cross-site, or null when it may go on. Browsers send
 * `Sec-Fetch-Site` on every request: only "same-origin" (our own pages) and "none" (typed in the
 * address bar, bookmarks) may write. `Origin`, when present, must be our own origin; "null" (sandboxed
 * frames, file: pages) is refused. A request with neither header is not from a browser page
 * (curl, scripts, tests) and cannot carry a user's ambient authority, so it is let through.
 */
function crossSiteReason(request: Request): string | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `requests from another site are refused (Sec-Fetch-Site: ${fetchSite})`;
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost === null || originHost === "" || originHost !== ownHost(request)) {
    return `requests from another site are refused (Origin: ${origin.slice(0, 200)})`;
  }
  return null;
}

/** The 403 to answer when `request` comes from another site, or null when it may go on. */
export function refuseCrossSite(request: Request): Response | null {
  const reason = crossSiteReason(request);
  return reason === null ? null : jsonError(403, reason);
}

/** Why the body's content type is not acceptable JSON, or null when it is `application/json` in UTF-8. */
function contentTypeProblem(request: Request): string | null {
  const header = request.headers.get("content-type");
  if (header === null) return "the request body must be sent as content-type: application/json";
  const [mediaType, ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") {
    return `the request body must be application/json, not "${(mediaType ?? "").slice(0, 100)}"`;
  }
  const charset = parameters.find((parameter) => parameter.startsWith("charset="));
  if (charset && charset.replace(/^charset="?|"$/g, "") !== "utf-8") {
    return "the request body must be encoded as utf-8";
  }
  return null;
}

function fieldOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === "unrecognized_keys" && issue.keys.length > 0) {
    return [...issue.path, issue.keys[0]].map(String).join(".");
  }
  return issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
}

/**
 * Validates `input` with `schema`. A too-long string is a 413 (the request is too large, not
 * malformed); every other problem is a 400 naming the first field at fault.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, status: 400, error: "invalid input" };
  const field = fieldOf(issue);
  const status = issue.code === "too_big" && issue.origin === "string" ? 413 : 400;
  const message = issue.code === "unrecognized_keys" ? `unknown field "${field}"` : issue.message;
  return { ok: false, status, error: field ? `${field}: ${message}` : message, field };
}

/** A lone (unpaired) UTF-16 surrogate: with the `u` flag, paired surrogates are one code point and never match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The dotted path of the first string (key or value) in `value` for which `isBad` holds, "" for the
 * top level, or null when there is none.
 */
function findString(value: unknown, isBad: (text: string) => boolean, path: string[] = []): string | null {
  if (typeof value === "string") return isBad(value) ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findString(item, isBad, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (isBad(key)) return [...path, key].join(".");
      const found = findString(item, isBad, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

function invalidText(field: string | null, what: string): Parsed<never> {
  if (!field) return { ok: false, status: 400, error: `the request body ${what}` };
  return { ok: false, status: 400, error: `${field}: ${what}`, field };
}

/** Reads at most `maxBytes` of the body (checked while streaming), or null when it is over. */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON request body of at most `maxBytes`: 413 beyond, 400 when it is not JSON or not valid
 * text (invalid UTF-8, lone surrogates: refused rather than silently changed to U+FFFD, so a retry of
 * the same request gets the same answer). Does no origin or content-type check: use parseJsonRequest.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Parsed<unknown>> {
  if (!request.body) return { ok: false, status: 400, error: "the request has no JSON body" };
  const bytes = await readLimitedBody(request, maxBytes);
  if (bytes === null)
    return { ok: false, status: 413, error: `the request body is over the limit of ${maxBytes} bytes` };
  let text: string;
  let validUtf8 = true;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    validUtf8 = false;
    text = new TextDecoder("utf-8").decode(bytes);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const error = validUtf8 ? "the request body is not valid JSON" : "the request body is not valid UTF-8";
    return { ok: false, status: 400, error };
  }
  if (!validUtf8)
    return invalidText(
      findString(data, (value) => value.includes("\uFFFD")),
      "is not valid UTF-8",
    );
  const loneSurrogate = findString(data, (value) => LONE_SURROGATE.test(value));
  if (loneSurrogate !== null) return invalidText(loneSurrogate, "holds a lone UTF-16 surrogate (not valid text)");
  return { ok: true, data };
}

/**
 * Everything a state-changing JSON route checks before it acts, in one call: cross-site (403),
 * content type (415), size (413), text and JSON (400), then `schema` (400 naming the field).
 */
export async function parseJsonRequest<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes: number,
): Promise<Parsed<T>> {
  const crossSite = crossSiteReason(request);
  if (crossSite !== null) return { ok: false, status: 403, error: crossSite };
  const contentType = contentTypeProblem(request);
  if (contentType !== null) return { ok: false, status: 415, error: contentType };
  const json = await readJsonBody(request, maxBytes);
  if (!json.ok) return json;
  return parseInput(schema, json.data);
}
