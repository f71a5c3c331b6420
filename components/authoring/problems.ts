import { z } from "zod";
import { AUTHORING_CODES } from "@/lib/authoring/refusals";

/** A refusal's code: one this interface can say in its words, else none (the English text is shown). */
const codeSchema = z.enum(AUTHORING_CODES).optional().catch(undefined);
const valuesSchema = z.record(z.string(), z.union([z.string(), z.number()])).optional();

/** An error answer of the authoring routes: a message, and the lines or checks that failed. */
const problemSchema = z.union([
  z.string(),
  z.object({
    field: z.string().optional(),
    line: z.number(),
    message: z.string(),
    code: codeSchema,
    values: valuesSchema,
  }),
]);
const authoringErrorSchema = z.object({
  error: z.string().optional(),
  code: codeSchema,
  values: valuesSchema,
  problems: z.array(problemSchema).optional(),
  existing: z.string().optional(),
});
export type AuthoringError = z.infer<typeof authoringErrorSchema> & { status?: number };
export type AuthoringProblem = z.infer<typeof problemSchema>;

/** The error body of a failed response, validated; a body that is not ours keeps only its status. */
export async function readAuthoringError(response: Response): Promise<AuthoringError> {
  const parsed = authoringErrorSchema.safeParse(await response.json().catch(() => null));
  return { ...(parsed.success ? parsed.data : {}), status: response.status };
}
