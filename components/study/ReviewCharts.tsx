"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { StatsJson } from "@/lib/study/schemas";
import { fetchStats, percent } from "./study-data";

const CELL = 11;
const GAP = 2;

/** Ink darkness for a day's reviews, from paper to full pen. */
/** "2026-11-23" (a calendar day) → "Nov 23" / "11월 23일": read at local noon so no time zone moves it. */
function useDayText(): (date: string) => string {
  const format = useFormatter();
  return (date) => format.dateTime(new Date(`${date}T12:00:00`), "day");
}

function shade(count: number, max: number): string {
  if (count === 0) return "var(--review-empty)";
  const strength = 0.25 + 0.75 * Math.min(1, count / Math.max(1, max));
  return `color-mix(in srgb, var(--review-ink) ${Math.round(strength * 100)}%, transparent)`;
}

function Heatmap({ days }: { days: StatsJson["days"] }) {
  const t = useTranslations("review.charts");
  const dayText = useDayText();
  const max = Math.max(0, ...days.map((day) => day.count));
  const weeks = Math.ceil(days.length / 7);
  return (
    <svg
      className="review-heatmap"
      viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`}
      role="img"
      aria-label={t("heatmap")}
      data-heatmap-days={days.length}
    >
      {days.map((day, i) => (
        <rect
          key={day.date}
          x={Math.floor(i / 7) * (CELL + GAP)}
          y={(i % 7) * (CELL + GAP)}
          width={CELL}
          height={CELL}
          rx={2.5}
          fill={shade(day.count, max)}
          data-count={day.count}
        >
          <title>{t("reviewsOn", { date: dayText(day.date), count: day.count })}</title>
        </rect>
      ))}
    </svg>
  );
}

function Forecast({ upcoming }: { upcoming: StatsJson["upcoming"] }) {
  const t = useTranslations("review.charts");
  const dayText = useDayText();
  const max = Math.max(1, ...upcoming.map((day) => day.count));
  const width = 16;
  const height = 60;
  return (
    <svg
      className="review-forecast"
      viewBox={`0 0 ${upcoming.length * (width + 4)} ${height + 14}`}
      role="img"
      aria-label={t("forecast")}
      data-forecast-days={upcoming.length}
    >
      {upcoming.map((day, i) => {
        const barHeight = Math.round((day.count / max) * height);
        return (
          <g key={day.date} data-count={day.count}>
            <rect
              x={i * (width + 4)}
              y={height - barHeight}
              width={width}
              height={Math.max(barHeight, 1)}
              rx={2}
              className="review-bar"
            >
              <title>{t("dueOn", { date: dayText(day.date), count: day.count })}</title>
            </rect>
            <text x={i * (width + 4) + width / 2} y={height + 11} textAnchor="middle" className="review-bar-label">
              {day.date.slice(8)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The last 12 weeks as a calendar heatmap, the next 14 days' due cards as bars, and retention. */
export function ReviewCharts() {
  const t = useTranslations("review.charts");
  const [stats, setStats] = useState<StatsJson | null>(null);
  useEffect(() => {
    void fetchStats().then(setStats);
  }, []);
  if (!stats) return null;
  return (
    <section className="review-charts">
      <figure>
        <figcaption>{t("heatmap")}</figcaption>
        <Heatmap days={stats.days} />
      </figure>
      <figure>
        <figcaption>{t("forecast")}</figcaption>
        <Forecast upcoming={stats.upcoming} />
      </figure>
      <p data-retention={stats.retention ?? ""}>
        {t("retention")}: <strong>{percent(stats.retention)}</strong>
      </p>
    </section>
  );
}
