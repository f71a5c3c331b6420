import type { z } from "zod";

/** What every JSON API answers on an error: a message, and the field at fault when there is one. */
export interface ApiError {
  error: string;
  field?: string;
}

export type ApiFailure = ApiError & { status: 400 | 404 | 409 | 413 };

export type Parsed<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

export function jsonError(status: number, error: string, field?: string): Response {
  const payload: ApiError = field === undefined ? { error } : { error, field };
  return Response.json(payload, { status });
}

export function failureResponse(failure: ApiFailure): Response {
  return jsonError(failure.status, failure.error, failure.field);
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
  const field = fieldOf(issue);
  const status = issue.code === "too_big" && issue.origin === "string" ? 413 : 400;
  const message = issue.code === "unrecognized_keys" ? `unknown field "${field}"` : issue.message;
  return { ok: false, status, error: field ? `${field}: ${message}` : message, field };
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
 * Reads a JSON request body of at most `maxBytes` (413 beyond, checked while streaming so a huge
 * body is never held in memory), 400 when it is not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Parsed<unknown>> {
  if (!request.body) return { ok: false, status: 400, error: "the request has no JSON body" };
  const bytes = await readLimitedBody(request, maxBytes);
  if (bytes === null) return { ok: false, status: 413, error: `the request body is over the limit of ${maxBytes} bytes` };
  const text = new TextDecoder().decode(bytes);
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: "the request body is not valid JSON" };
  }
}
