/** Reading the study API in the browser, validated (the JSON is checked, never cast). */
import { chapterStudySchema, masteryResponseSchema, statsResponseSchema } from "@/lib/study/schemas";
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

export const fetchMastery = () => getJson("/api/review/mastery", masteryResponseSchema);
export const fetchStats = () => getJson("/api/review/stats", statsResponseSchema);

/** "37 %", or a dash before there are cards. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)} %`;
}
