import { z } from "zod";

/** An error answer of the authoring routes: a message, and the lines or checks that failed. */
const problemSchema = z.union([
  z.string(),
  z.object({ field: z.string().optional(), line: z.number(), message: z.string() }),
]);
const authoringErrorSchema = z.object({
  error: z.string().optional(),
  problems: z.array(problemSchema).optional(),
  existing: z.string().optional(),
});
export type AuthoringError = z.infer<typeof authoringErrorSchema>;

/** The error body of a failed response, validated; a body that is not ours becomes a plain message. */
export async function readAuthoringError(response: Response): Promise<AuthoringError> {
  const parsed = authoringErrorSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : { error: `error ${response.status}` };
}
