"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { DueResponse, StudyCardJson } from "@/lib/study/schemas";
import { RatingButtons } from "./RatingButtons";
import { queueReview, watchReviews } from "./review-outbox";
import { fetchDue } from "./study-data";

type Mode = { kind: "due" } | { kind: "ahead" } | { kind: "cram"; course: string; chapter: number };
const RATING_KEYS: Record<string, 1 | 2 | 3 | 4> = { "1": 1, "2": 2, "3": 3, "4": 4 };

/** "base-model" → "Base model": a section id read as its title. */
function sectionLabel(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The cards due across every course (or one course), one at a time, with the same keys as study
 * mode on a sheet: Space shows the answer, 1–4 rate it. Ratings go through the outbox.
 */
export function ReviewQueue({ course }: { course?: string }) {
  const t = useTranslations("review");
  const prompts: Record<StudyCardJson["kind"], string> = {
    term: t("prompt.term"),
    "term-reverse": t("prompt.termReverse"),
    highlight: t("prompt.highlight"),
    table: t("prompt.table"),
    card: t("prompt.card"),
  };
  const [mode, setMode] = useState<Mode>({ kind: "due" });
  const [queue, setQueue] = useState<DueResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(0);
  const [reviewed, setReviewed] = useState(0);

  const fetchQueue = useCallback(
    (next: Mode) =>
      fetchDue(
        next.kind === "cram"
          ? { course: next.course, chapter: next.chapter, ahead: true, limit: 500 }
          : { course, ahead: next.kind === "ahead" },
      ),
    [course],
  );
  const showQueue = useCallback((answer: DueResponse | null) => {
    setFailed(answer === null);
    if (answer) {
      setQueue(answer);
      setIndex(0);
      setShown(false);
    }
  }, []);
  const load = useCallback(async (next: Mode) => showQueue(await fetchQueue(next)), [fetchQueue, showQueue]);

  useEffect(() => {
    // The queue is set when the server answers (a callback), not while the effect runs.
    void fetchQueue(mode).then(showQueue);
  }, [fetchQueue, showQueue, mode]);
  useEffect(() => watchReviews((waiting) => setPending(waiting)), []);

  const card = queue?.cards[index];
  const rate = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!card) return;
      if (!shown) return setShown(true);
      queueReview(card.id, rating);
      setReviewed((n) => n + 1);
      setShown(false);
      if (queue && index + 1 < queue.cards.length) setIndex(index + 1);
      else void load(mode);
    },
    [card, shown, queue, index, load, mode],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const rating = RATING_KEYS[event.key];
      if (event.code === "Space" && card) {
        event.preventDefault();
        setShown(true);
      } else if (rating && card) {
        event.preventDefault();
        rate(rating);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, rate]);

  const counts = queue?.counts;
  return (
    <section className="review-queue" data-review-queue data-reviewed={reviewed}>
      <p className="review-counts" data-review-counts={counts ? `${counts.new}/${counts.learning}/${counts.due}` : ""}>
        {t("today")}:{" "}
        {counts
          ? t.rich("counts", {
              new: counts.new,
              learning: counts.learning,
              due: counts.due,
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          : "…"}
        {pending > 0 ? <span className="study-pending"> · {t("waiting", { count: pending })}</span> : null}
      </p>
      {mode.kind !== "due" ? (
        <p className="review-mode">
          {mode.kind === "ahead"
            ? t("ahead")
            : t.rich("cramming", {
                course: mode.course,
                chapter: mode.chapter,
                content: (chunks) => <span translate="no">{chunks}</span>,
              })}{" "}
          ·{" "}
          <button type="button" className="review-link" onClick={() => setMode({ kind: "due" })}>
            {t("everything")}
          </button>
        </p>
      ) : null}
      {!queue ? (
        <p>{failed ? t("unavailable") : t("loading")}</p>
      ) : card ? (
        <article className="review-card sheet-section" data-card-kind={card.kind} data-review-card={card.id}>
          <header className="review-card-head">
            <span>
              {t.rich("chapter", {
                course: card.course,
                chapter: card.chapter,
                content: (chunks) => <span translate="no">{chunks}</span>,
              })}
            </span>
            <span className="review-card-section" translate="no">
              {sectionLabel(card.section)}
            </span>
          </header>
          <p className="review-prompt">{prompts[card.kind]}</p>
          <p className="review-front" translate="no">
            {card.front}
          </p>
          {shown ? (
            <p className="review-back" data-review-answer translate="no">
              {card.back}
            </p>
          ) : (
            <p className="review-back review-back-hidden" aria-hidden="true">
              {/* a blank about as wide as the answer, which is not on the page until shown */}
              <span data-card-id={card.id} data-masked="true">
                {"\u2007".repeat(Math.min(40, Math.max(4, card.back.length)))}
              </span>
            </p>
          )}
          <div className="study-controls">
            {shown ? (
              <RatingButtons card={card} disabled={false} onRate={rate} />
            ) : (
              <button type="button" className="study-reveal" onClick={() => setShown(true)}>
                {t("show")}
              </button>
            )}
          </div>
          <p className="review-actions">
            <button
              type="button"
              className="review-link"
              onClick={() => setMode({ kind: "cram", course: card.course, chapter: card.chapter })}
            >
              {t("cram", { chapter: card.chapter })}
            </button>
          </p>
        </article>
      ) : (
        <div className="review-done">
          <p>{t("done")}</p>
          <button type="button" className="study-reveal" onClick={() => setMode({ kind: "ahead" })}>
            {t("studyAhead")}
          </button>
        </div>
      )}
    </section>
  );
}
