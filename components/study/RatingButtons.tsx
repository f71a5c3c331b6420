"use client";

import { useTranslations } from "next-intl";
import type { StudyCardJson } from "@/lib/study/schemas";
import { useIntervalText } from "./interval-text";

const RATINGS = [1, 2, 3, 4] as const;

/** Again / Hard / Good / Easy, each with the key that presses it and the interval it would give. */
export function RatingButtons({
  card,
  disabled,
  onRate,
}: {
  card: StudyCardJson;
  disabled: boolean;
  onRate: (rating: 1 | 2 | 3 | 4) => void;
}) {
  const t = useTranslations("study.rating");
  const intervalText = useIntervalText();
  const names = { 1: t("again"), 2: t("hard"), 3: t("good"), 4: t("easy") };
  return (
    <div className="study-ratings" role="group" aria-label={t("group")}>
      {RATINGS.map((rating) => (
        <button key={rating} type="button" data-rating={rating} disabled={disabled} onClick={() => onRate(rating)}>
          <kbd>{rating}</kbd> {names[rating]}{" "}
          <span className="study-interval">{intervalText(card.intervals[`${rating}`])}</span>
        </button>
      ))}
    </div>
  );
}
