"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { sectionKey, type DueResponse, type StudyCardJson } from "@/lib/study/schemas";
import { RatingButtons } from "./RatingButtons";
import { queueReview, watchReviews } from "./review-outbox";

const RATING_KEYS: Record<string, 1 | 2 | 3 | 4> = { "1": 1, "2": 2, "3": 3, "4": 4 };

export interface ReviewScope {
  course?: string;
  chapter?: number;
  ahead: boolean;
}

/** /review's address for a scope: `ahead` studies ahead, with a chapter it crams that chapter. */
function reviewHref(scope: ReviewScope): string {
  const query = new URLSearchParams();
  if (scope.course) query.set("course", scope.course);
  if (scope.chapter) query.set("chapter", String(scope.chapter));
  if (scope.ahead) query.set("ahead", "1");
  const text = query.toString();
  return text ? `/review?${text}` : "/review";
}

/** "base-model" → "Base model": a section id read as its title, when its sheet cannot be drawn. */
function sectionLabel(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The card's answer in its drawn section: masked until shown, marked as the current one. */
function markAnswer(drawn: HTMLElement, card: StudyCardJson, shown: boolean) {
  for (const element of drawn.querySelectorAll<HTMLElement>("[data-card-id], [data-reverse-card-id]")) {
    const isAnswer = (element.dataset.cardId ?? element.dataset.reverseCardId) === card.id;
    if (isAnswer) element.dataset.current = "true";
    else delete element.dataset.current;
    if (isAnswer && !shown) element.dataset.masked = "true";
    else delete element.dataset.masked;
  }
  drawn.dataset.ready = "true";
  drawn.querySelector("[data-current]")?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

/**
 * The day's cards (the server's batch), one at a time, each inside its own section of its sheet
 * with its answer masked where it stands; the same keys as study mode on a sheet: Space shows the
 * answer, 1–4 rate it. Ratings go through the outbox; once the batch is rated and sent, the page
 * is made again for the next one.
 */
export function ReviewQueue({
  queue,
  sections,
  scope,
}: {
  queue: DueResponse;
  sections: Record<string, ReactNode>;
  scope: ReviewScope;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const prompts: Record<StudyCardJson["kind"], string> = {
    term: t("prompt.term"),
    "term-reverse": t("prompt.termReverse"),
    highlight: t("prompt.highlight"),
    table: t("prompt.table"),
    card: t("prompt.card"),
  };
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(0);
  const drawnRef = useRef<HTMLDivElement>(null);

  const card = queue.cards[index];
  const finished = queue.cards.length > 0 && !card;
  const section = card ? sections[sectionKey(card)] : undefined;

  useEffect(() => watchReviews((waiting) => setPending(waiting)), []);
  // The next batch once the server has every rating of this one (else the same cards come back).
  useEffect(() => {
    if (finished && pending === 0) router.refresh();
  }, [finished, pending, router]);
  // Before the browser paints: the answer is never seen unmasked.
  useLayoutEffect(() => {
    if (card && drawnRef.current) markAnswer(drawnRef.current, card, shown);
  }, [card, shown, section]);

  const rate = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!card) return;
      if (!shown) return setShown(true);
      queueReview(card.id, rating);
      setShown(false);
      setIndex((i) => i + 1);
    },
    [card, shown],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return;
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

  const { counts } = queue;
  const mode = scope.ahead ? (scope.chapter && scope.course ? "cram" : "ahead") : "due";
  return (
    <section className="review-queue" data-review-queue data-reviewed={index}>
      <p className="review-counts" data-review-counts={`${counts.new}/${counts.learning}/${counts.due}`}>
        {t("today")}:{" "}
        {t.rich("counts", {
          new: counts.new,
          learning: counts.learning,
          due: counts.due,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
        {pending > 0 ? <span className="study-pending"> · {t("waiting", { count: pending })}</span> : null}
      </p>
      {mode !== "due" ? (
        <p className="review-mode">
          {mode === "ahead"
            ? t("ahead")
            : t.rich("cramming", {
                course: scope.course ?? "",
                chapter: scope.chapter ?? 0,
                content: (chunks) => <span translate="no">{chunks}</span>,
              })}{" "}
          · <Link href="/review">{t("everything")}</Link>
        </p>
      ) : null}
      {card ? (
        <article className="review-card" data-card-kind={card.kind} data-review-card={card.id}>
          <header className="review-card-head">
            <span>
              {t.rich("chapter", {
                course: card.course,
                chapter: card.chapter,
                content: (chunks) => <span translate="no">{chunks}</span>,
              })}
            </span>
            {section ? null : (
              <span className="review-card-section" translate="no">
                {sectionLabel(card.section)}
              </span>
            )}
          </header>
          <p className="review-prompt">{prompts[card.kind]}</p>
          {section ? (
            <div
              ref={drawnRef}
              key={sectionKey(card)}
              className="review-sheet"
              // The sheet's own section: content, never translated (as on the sheet itself).
              translate="no"
              data-study="on"
              data-review-sheet={sectionKey(card)}
            >
              {section}
            </div>
          ) : (
            <>
              <p className="review-front" translate="no">
                {card.front}
              </p>
              <p className="review-back" translate="no" data-review-answer={shown ? "" : undefined}>
                {shown ? card.back : "\u00a0"}
              </p>
            </>
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
            <Link
              className="review-link"
              href={reviewHref({ course: card.course, chapter: card.chapter, ahead: true })}
            >
              {t("cram", { chapter: card.chapter })}
            </Link>
          </p>
        </article>
      ) : finished ? (
        <p>{t("loading")}</p>
      ) : (
        <div className="review-done">
          <p>{t("done")}</p>
          <Link className="study-reveal" href={reviewHref({ course: scope.course, ahead: true })}>
            {t("studyAhead")}
          </Link>
        </div>
      )}
    </section>
  );
}
