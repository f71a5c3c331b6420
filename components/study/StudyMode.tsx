"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useShortcut } from "@/components/app/ShortcutProvider";
import type { ChapterStudyJson } from "@/lib/study/schemas";
import { RatingButtons } from "./RatingButtons";
import { queueReview, watchReviews } from "./review-outbox";
import { fetchChapterStudy, percent } from "./study-data";

type Rating = 1 | 2 | 3 | 4;
const RATING_KEYS: Record<string, Rating> = { "1": 1, "2": 2, "3": 3, "4": 4 };

/** The answer places on this page's sheet, in card order (elements carry data-card-id). */
function sheetTargets(): Map<string, HTMLElement[]> {
  const found = new Map<string, HTMLElement[]>();
  document.querySelectorAll<HTMLElement>("[data-sheet] [data-card-id]").forEach((element) => {
    const id = element.dataset.cardId;
    if (id) found.set(id, [...(found.get(id) ?? []), element]);
  });
  return found;
}

/**
 * Study on the sheet itself: every answer is masked where it stands, Space shows the current
 * one, 1–4 rate it, ← → move, "Reveal all" ends. Ratings go through the outbox, so going offline
 * loses nothing. The bar also shows the chapter's counts and mastery.
 */
export function StudyMode({ course, chapter }: { course: string; chapter: number }) {
  const t = useTranslations("study");
  const [study, setStudy] = useState<ChapterStudyJson | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(false);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [rated, setRated] = useState<ReadonlyMap<string, Rating>>(new Map());
  const [pending, setPending] = useState(0);

  const showStudy = useCallback((next: ChapterStudyJson | null) => {
    if (next) setStudy(next);
    setFailed(next === null);
    return next;
  }, []);
  const refresh = useCallback(
    async () => showStudy(await fetchChapterStudy(course, chapter)),
    [course, chapter, showStudy],
  );

  useEffect(() => {
    // The study is set when the server answers (a callback), not while the effect runs.
    void fetchChapterStudy(course, chapter).then(showStudy);
    let timer: number | undefined;
    const stop = watchReviews((waiting, answered) => {
      setPending(waiting);
      // Counts and mastery follow the server once it has the ratings (a moment's pause batches them).
      if (answered) {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => void refresh(), 300);
      }
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [course, chapter, refresh, showStudy]);

  /** Cards whose answer stands on the sheet, in sheet order. */
  const onSheet = useMemo(() => {
    if (!study || !active) return [];
    const targets = sheetTargets();
    return study.cards.filter((card) => targets.has(card.id));
  }, [study, active]);
  const current = onSheet[index];

  const start = useCallback(async () => {
    const data = study ?? (await refresh());
    if (!data) return;
    setRevealed(new Set());
    setRated(new Map());
    setIndex(0);
    setActive(true);
  }, [study, refresh]);
  const end = useCallback(() => setActive(false), []);
  useShortcut("study", () => (active ? end() : void start()));

  const reveal = useCallback(() => {
    if (current) setRevealed((set) => new Set(set).add(current.id));
  }, [current]);
  const move = useCallback(
    (step: 1 | -1) => setIndex((i) => Math.min(Math.max(0, i + step), Math.max(0, onSheet.length - 1))),
    [onSheet.length],
  );
  const rate = useCallback(
    (rating: Rating) => {
      if (!current) return;
      if (!revealed.has(current.id)) return reveal();
      if (rated.has(current.id)) return;
      queueReview(current.id, rating);
      setRated((map) => new Map(map).set(current.id, rating));
      const nextUnrated = onSheet.findIndex((card, i) => i > index && !rated.has(card.id));
      if (nextUnrated >= 0) setIndex(nextUnrated);
    },
    [current, revealed, rated, reveal, onSheet, index],
  );

  // Masks: drawn by CSS from these attributes, so the sheet's own markup never changes.
  useEffect(() => {
    const sheet = document.querySelector<HTMLElement>("[data-sheet]");
    if (!sheet) return;
    if (active) sheet.dataset.study = "on";
    else delete sheet.dataset.study;
    const targets = sheetTargets();
    for (const [id, elements] of targets) {
      for (const element of elements) {
        if (active && !revealed.has(id)) element.dataset.masked = "true";
        else delete element.dataset.masked;
        if (active && current?.id === id) element.dataset.current = "true";
        else delete element.dataset.current;
        if (active && rated.has(id)) element.dataset.rated = String(rated.get(id));
        else delete element.dataset.rated;
      }
    }
    if (active && current) targets.get(current.id)?.[0]?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [active, revealed, current, rated]);

  // Study keys win over the page's own (← → change chapter otherwise): capture, then prevent.
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const handled = (() => {
        if (event.code === "Space") return (reveal(), true);
        if (event.key === "ArrowLeft") return (move(-1), true);
        if (event.key === "ArrowRight") return (move(1), true);
        if (event.key === "Escape") return (end(), true);
        const rating = RATING_KEYS[event.key];
        if (rating) return (rate(rating), true);
        return false;
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [active, reveal, move, rate, end]);

  const counts = study?.counts;
  return (
    <section className="study-bar" data-study-bar={active ? "active" : "idle"} aria-label={t("study")}>
      <div className="study-summary">
        <button
          type="button"
          className="study-toggle"
          onClick={() => (active ? end() : void start())}
          aria-pressed={active}
          title={t("studyHint")}
        >
          🃏 {t("study")} <kbd>t</kbd>
        </button>
        <span data-study-mastery={study?.mastery ?? ""}>
          {t("mastery")} <strong>{percent(study?.mastery)}</strong>
        </span>
        {counts ? (
          <span data-study-counts={`${counts.new}/${counts.learning}/${counts.due}`}>
            {t("counts", { new: counts.new, learning: counts.learning, due: counts.due })}
          </span>
        ) : null}
        {pending > 0 ? (
          <span className="study-pending" data-study-pending={pending} role="status">
            {t("waiting", { count: pending })}
          </span>
        ) : null}
        {failed && !study ? <span className="study-pending">{t("unavailable")}</span> : null}
      </div>
      {active ? (
        <div className="study-panel" data-study-panel>
          {current ? (
            <>
              <p className="study-position" aria-live="polite">
                {t("position", { current: index + 1, total: onSheet.length })}
                {rated.has(current.id) ? ` · ${t("rated")}` : ""}
              </p>
              <div className="study-controls">
                <button type="button" onClick={() => move(-1)} disabled={index === 0}>
                  ← {t("previous")}
                </button>
                {revealed.has(current.id) ? (
                  <RatingButtons card={current} disabled={rated.has(current.id)} onRate={rate} />
                ) : (
                  <button type="button" className="study-reveal" onClick={reveal}>
                    {t("reveal")}
                  </button>
                )}
                <button type="button" onClick={() => move(1)} disabled={index >= onSheet.length - 1}>
                  {t("next")} →
                </button>
                <button type="button" className="study-end" onClick={end}>
                  {t("revealAll")}
                </button>
              </div>
            </>
          ) : (
            <p>{t("noCards")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
