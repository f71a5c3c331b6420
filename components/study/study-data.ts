/** Reading the study API in the browser, validated (the JSON is checked, never cast). */
import { chapterStudySchema, dueResponseSchema, masteryResponseSchema, statsResponseSchema } from "@/lib/study/schemas";
import type { z } from "zod";

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) return null;
    const parsed = schema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const fetchChapterStudy = (course: string, chapter: number) =>
  getJson(`/api/review/chapter?course=${encodeURIComponent(course)}&chapter=${chapter}`, chapterStudySchema);

export function fetchDue(options: { course?: string; chapter?: number; ahead?: boolean; limit?: number }) {
  const query = new URLSearchParams();
  if (options.course) query.set("course", options.course);
  if (options.chapter) query.set("chapter", String(options.chapter));
  if (options.ahead) query.set("ahead", "1");
  query.set("limit", String(options.limit ?? 50));
  return getJson(`/api/review/due?${query}`, dueResponseSchema);
}

export const fetchMastery = () => getJson("/api/review/mastery", masteryResponseSchema);
export const fetchStats = () => getJson("/api/review/stats", statsResponseSchema);

/** "37 %", or a dash before there are cards. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)} %`;
}
