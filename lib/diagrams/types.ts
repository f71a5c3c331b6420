import { z } from "zod";

/** A user's edit of one diagram, as the API answers it and the sheet's components receive it. */
export const diagramEditJsonSchema = z.object({
  /** "<section id>/<n>": the n-th diagram of that section. */
  diagramKey: z.string(),
  source: z.string(),
  updatedAt: z.string(),
  /** The diagram in content/ changed after this edit was saved (the edit may be out of date). */
  originalChanged: z.boolean(),
});
export type DiagramEditJson = z.infer<typeof diagramEditJsonSchema>;

/** GET /api/diagrams/<course>/<chapter> */
export const diagramEditsAnswerSchema = z.object({ edits: z.array(diagramEditJsonSchema) });
