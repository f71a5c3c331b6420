/**
 * The interval labels the study API sends ("10m", "3h", "4d", "2mo", "1.5y": see formatInterval)
 * read back into an amount and a unit, so the browser can say them in the interface language.
 */
export type IntervalUnit = "minute" | "hour" | "day" | "month" | "year";

const UNITS: Record<string, IntervalUnit> = { m: "minute", h: "hour", d: "day", mo: "month", y: "year" };

/** "2mo" → { amount: 2, unit: "month" }; null for anything that is not such a label. */
export function parseInterval(label: string): { amount: number; unit: IntervalUnit } | null {
  const match = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(label);
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  if (!match?.[1] || !unit) return null;
  return { amount: Number(match[1]), unit };
}
