"use client";

import type { StudyCardJson } from "@/lib/study/schemas";

const LABELS = {
  group: "Rate your recall",
  ratings: { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" },
} as const;

const RATINGS = [1, 2, 3, 4] as const;

/** Again / Hard / Good / Easy, each with the key that presses it and the interval it would give. */
export function RatingButtons({ card, disabled, onRate }: { card: StudyCardJson; disabled: boolean; onRate: (rating: 1 | 2 | 3 | 4) => void }) {
  return (
    <div className="study-ratings" role="group" aria-label={LABELS.group}>
      {RATINGS.map((rating) => (
        <button key={rating} type="button" data-rating={rating} disabled={disabled} onClick={() => onRate(rating)}>
          <kbd>{rating}</kbd> {LABELS.ratings[rating]} <span className="study-interval">{card.intervals[`${rating}`]}</span>
        </button>
      ))}
    </div>
  );
}
