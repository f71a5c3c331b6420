import { z } from "zod";

/** Limits, also stated in the README: one diagram's source, and a request carrying it. */
const DIAGRAM_SOURCE_MAX_CHARS = 20_000;
export const DIAGRAM_REQUEST_MAX_BYTES = 200_000;

/** "<section id>/<n>", as lib/content/mdx/remark-sheet.ts names the diagrams of a sheet. */
export const diagramKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\/[1-9]\d{0,2}$/, "a diagram key is <section id>/<n>, e.g. pipeline/1");

export const saveDiagramEditSchema = z.strictObject({
  // Kept exactly as typed (no trimming): it is the user's own text.
  source: z
    .string("source is the diagram's Mermaid text")
    .max(DIAGRAM_SOURCE_MAX_CHARS, `a diagram is at most ${DIAGRAM_SOURCE_MAX_CHARS} characters`)
    .refine((source) => source.trim().length > 0, "source is empty: use reset to go back to the original"),
});

/** A DiagramEdit row as read back: one written outside the app that fails this is left out (logged). */
export const storedDiagramEditSchema = z.object({
  diagramKey: diagramKeySchema,
  source: z.string().max(DIAGRAM_SOURCE_MAX_CHARS),
  originalHash: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
