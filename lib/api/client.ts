/**
 * The browser's side of the JSON API: every answer is parsed with the zod schema of what the route
 * sends, so a component never trusts a cast. Failures become an ApiError carrying the server's
 * `{ error, field, install }` when it sent one.
 */
import { z } from "zod";

const errorAnswerSchema = z.object({
  error: z.string().optional(),
  field: z.string().optional(),
  /** The command that installs what the server misses (Chromium for PDFs). */
  install: z.string().optional(),
});
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly answer: ErrorAnswer = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The error body of a response; {} when it has none or it is not JSON. */
export async function readErrorAnswer(response: Response): Promise<ErrorAnswer> {
  const parsed = errorAnswerSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : {};
}

/** The body of an OK response, checked against `schema`; an ApiError for anything else. */
export async function parseResponse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) {
    const answer = await readErrorAnswer(response);
    throw new ApiError(answer.error ?? `the server answered ${response.status}`, response.status, answer);
  }
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new ApiError(
      `the server sent an unexpected answer (${where}${issue?.message ?? "not JSON"})`,
      response.status,
    );
  }
  return parsed.data;
}

/** fetch + parseResponse. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  return parseResponse(await fetch(url, init), schema);
}

/** A JSON request body (POST unless `init` says otherwise), its answer parsed with `schema`. */
export function sendJson<T>(url: string, body: unknown, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  return fetchJson(url, schema, {
    method: "POST",
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
    body: JSON.stringify(body),
  });
}

/** A stored JSON value (localStorage, sessionStorage) checked against `schema`; `fallback` when absent or bad. */
export function parseStoredJson<T>(text: string | null, schema: z.ZodType<T>, fallback: T): T {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
