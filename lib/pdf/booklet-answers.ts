/** What the booklet routes answer, shared by the routes (to build it) and the browser (to parse it). */
import { z } from "zod";

/** POST /api/pdf/<course> → 202 */
export const bookletStartAnswerSchema = z.object({
  job: z.string(),
  total: z.number(),
  /** Where to follow the job. */
  progress: z.string(),
  /** Where to fetch the booklet once it is done. */
  download: z.string(),
});
export type BookletStartAnswer = z.infer<typeof bookletStartAnswerSchema>;

/** GET /api/pdf/<course>/progress?job= */
export const bookletProgressAnswerSchema = z.object({
  job: z.string(),
  state: z.enum(["running", "done", "failed"]),
  phase: z.enum(["sheets", "assembling"]),
  done: z.number(),
  total: z.number(),
  error: z.string().optional(),
  install: z.string().optional(),
  status: z.number().optional(),
});
export type BookletProgressAnswer = z.infer<typeof bookletProgressAnswerSchema>;
