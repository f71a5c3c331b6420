"use client";

import { useEffect, useState } from "react";
import type { StatsJson } from "@/lib/study/schemas";
import { fetchStats, percent } from "./study-data";

const LABELS = {
  heatmap: "Reviews, last 12 weeks",
  forecast: "Due, next 14 days",
  retention: "Retention so far",
  reviewsOn: (date: string, count: number) => `${date}: ${count} review${count === 1 ? "" : "s"}`,
  dueOn: (date: string, count: number) => `${date}: ${count} due`,
} as const;

const CELL = 11;
const GAP = 2;

/** Ink darkness for a day's reviews, from paper to full pen. */
function shade(count: number, max: number): string {
  if (count === 0) return "var(--review-empty)";
  const strength = 0.25 + 0.75 * Math.min(1, count / Math.max(1, max));
  return `color-mix(in srgb, var(--review-ink) ${Math.round(strength * 100)}%, transparent)`;
}

function Heatmap({ days }: { days: StatsJson["days"] }) {
  const max = Math.max(0, ...days.map((day) => day.count));
  const weeks = Math.ceil(days.length / 7);
  return (
    <svg className="review-heatmap" viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`} role="img" aria-label={LABELS.heatmap} data-heatmap-days={days.length}>
      {days.map((day, i) => (
        <rect key={day.date} x={Math.floor(i / 7) * (CELL + GAP)} y={(i % 7) * (CELL + GAP)} width={CELL} height={CELL} rx={2.5} fill={shade(day.count, max)} data-count={day.count}>
          <title>{LABELS.reviewsOn(day.date, day.count)}</title>
        </rect>
      ))}
    </svg>
  );
}

function Forecast({ upcoming }: { upcoming: StatsJson["upcoming"] }) {
  const max = Math.max(1, ...upcoming.map((day) => day.count));
  const width = 16;
  const height = 60;
  return (
    <svg className="review-forecast" viewBox={`0 0 ${upcoming.length * (width + 4)} ${height + 14}`} role="img" aria-label={LABELS.forecast} data-forecast-days={upcoming.length}>
      {upcoming.map((day, i) => {
        const barHeight = Math.round((day.count / max) * height);
        return (
          <g key={day.date} data-count={day.count}>
            <rect x={i * (width + 4)} y={height - barHeight} width={width} height={Math.max(barHeight, 1)} rx={2} className="review-bar">
              <title>{LABELS.dueOn(day.date, day.count)}</title>
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
  const [stats, setStats] = useState<StatsJson | null>(null);
  useEffect(() => {
    void fetchStats().then(setStats);
  }, []);
  if (!stats) return null;
  return (
    <section className="review-charts">
      <figure>
        <figcaption>{LABELS.heatmap}</figcaption>
        <Heatmap days={stats.days} />
      </figure>
      <figure>
        <figcaption>{LABELS.forecast}</figcaption>
        <Forecast upcoming={stats.upcoming} />
      </figure>
      <p data-retention={stats.retention ?? ""}>
        {LABELS.retention}: <strong>{percent(stats.retention)}</strong>
      </p>
    </section>
  );
}
