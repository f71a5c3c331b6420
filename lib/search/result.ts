import { z } from "zod";

const textRangeSchema = z.object({ start: z.number(), end: z.number() });

/** One hit of GET /api/search, as the route sends it and the search palette parses it. */
const searchResultSchema = z.object({
  kind: z.enum(["sheet", "transcript", "note"]),
  course: z.string(),
  chapter: z.number(),
  section: z.string().optional(),
  timestamp: z.number().optional(),
  noteId: z.string().optional(),
  title: z.string(),
  /** Where the hit is: "Course · 8. Chapter". */
  context: z.string(),
  /** Plain text around the match; `matches` are the matched runs in it. */
  snippet: z.string(),
  matches: z.array(textRangeSchema),
  titleMatches: z.array(textRangeSchema),
  url: z.string(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchAnswerSchema = z.object({ results: z.array(searchResultSchema) });
