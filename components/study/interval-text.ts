"use client";

import { useTranslations } from "next-intl";
import { parseInterval, type IntervalUnit } from "@/lib/study/interval-text";

/** ("4d") → "4d" in English, "4일" in Korean; a label it cannot read is shown as it came. */
export function useIntervalText(): (label: string) => string {
  const t = useTranslations("study.interval");
  return (label) => {
    const parsed = parseInterval(label);
    if (!parsed) return label;
    const { amount } = parsed;
    const texts: Record<IntervalUnit, () => string> = {
      minute: () => t("minute", { amount }),
      hour: () => t("hour", { amount }),
      day: () => t("day", { amount }),
      month: () => t("month", { amount }),
      year: () => t("year", { amount }),
    };
    return texts[parsed.unit]();
  };
}
