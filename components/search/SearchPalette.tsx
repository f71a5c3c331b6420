"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ApiError, fetchJson } from "@/lib/api/client";
import { searchAnswerSchema, type SearchResult } from "@/lib/search/result";
import { useApiErrorText } from "@/components/app/api-errors";
import { closeModal, showModal } from "@/components/app/dialog";
import { useShortcut } from "@/components/app/ShortcutProvider";
import { Highlighted } from "./Highlighted";
import { revealTarget } from "./reveal";

const DEBOUNCE_MS = 120;
const RESULT_LIMIT = 30;

type Group = "chapter" | "sheet" | "transcript" | "note";

const GROUP_ICONS: Record<Group, string> = { chapter: "📚", sheet: "📄", transcript: "🎬", note: "📝" };

function groupOf(result: SearchResult): Group {
  return result.kind === "sheet" && !result.section ? "chapter" : result.kind;
}

type Answer =
  | { status: "idle" }
  | { status: "loading"; query: string; results: SearchResult[] }
  | { status: "done"; query: string; results: SearchResult[] }
  | { status: "error"; query: string; httpStatus: number | null };

/** Results grouped by kind; groups in the order of their best hit, hits best first within. */
function grouped(results: SearchResult[]): { group: Group; items: { result: SearchResult; index: number }[] }[] {
  const groups = new Map<Group, SearchResult[]>();
  for (const result of results) groups.set(groupOf(result), [...(groups.get(groupOf(result)) ?? []), result]);
  let index = 0;
  return [...groups].map(([group, items]) => ({ group, items: items.map((result) => ({ result, index: index++ })) }));
}

/**
 * The search palette (Ctrl K or /): sheets, transcripts and notes as you type, grouped by kind,
 * matched words marked. ↑ ↓ choose, Enter opens (Ctrl/⌘ Enter in a new tab), Esc closes.
 * A combobox over a listbox, so screen readers follow the active result. With an IME (Korean),
 * the half-built syllable is not searched: the query follows the field when composition ends.
 */
export function SearchPalette() {
  const t = useTranslations("search");
  const apiErrorText = useApiErrorText();
  const router = useRouter();
  const groupLabels: Record<Group, string> = {
    chapter: t("group.chapter"),
    sheet: t("group.sheet"),
    transcript: t("group.transcript"),
    note: t("group.note"),
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // What the field shows, and what is searched: they differ while an IME composes.
  const [fieldText, setFieldText] = useState("");
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<Answer>({ status: "idle" });
  const [active, setActive] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  useShortcut("search", () => {
    if (dialog.current) showModal(dialog.current);
    input.current?.focus();
    input.current?.select();
  });

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- clearing the box drops the last answer
      setAnswer({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setAnswer((previous) => ({
      status: "loading",
      query: text,
      results: previous.status === "done" || previous.status === "loading" ? previous.results : [],
    }));
    const search = async () => {
      try {
        const url = `/api/search?q=${encodeURIComponent(text)}&limit=${RESULT_LIMIT}`;
        const body = await fetchJson(url, searchAnswerSchema, { signal: controller.signal });
        setAnswer({ status: "done", query: text, results: body.results });
        setActive(0);
      } catch (error) {
        if (controller.signal.aborted) return;
        setAnswer({ status: "error", query: text, httpStatus: error instanceof ApiError ? error.status : null });
      }
    };
    const timer = window.setTimeout(() => void search(), DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, attempt]);

  const results = useMemo(
    () => (answer.status === "done" || answer.status === "loading" ? answer.results : []),
    [answer],
  );
  const groups = useMemo(() => grouped(results), [results]);
  const ordered = groups.flatMap((group) => group.items.map((item) => item.result));
  const activeIndex = Math.min(active, Math.max(0, ordered.length - 1));

  const activeId = ordered.length > 0 ? optionId(activeIndex) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const open = (result: SearchResult, newTab: boolean) => {
    if (newTab) {
      window.open(result.url, "_blank", "noopener");
      return;
    }
    closeModal(dialog.current);
    router.push(result.url);
    revealTarget(new URL(result.url, window.location.href).href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = ordered.length;
    if (event.key === "ArrowDown" && count > 0) setActive((activeIndex + 1) % count);
    else if (event.key === "ArrowUp" && count > 0) setActive((activeIndex - 1 + count) % count);
    else if (event.key === "Enter" && ordered[activeIndex]) open(ordered[activeIndex], event.ctrlKey || event.metaKey);
    // A search field's own Esc would only clear the text: Esc closes the palette, as everywhere.
    else if (event.key === "Escape") closeModal(dialog.current);
    else return;
    event.preventDefault();
  };

  const status =
    answer.status === "idle"
      ? ""
      : answer.status === "error"
        ? t("status.failed", { reason: apiErrorText(answer.httpStatus) })
        : answer.status === "loading" && results.length === 0
          ? t("status.searching")
          : results.length === 0
            ? t("status.none", { query: answer.query })
            : results.length === RESULT_LIMIT
              ? t("status.many", { count: results.length })
              : t("status.count", { count: results.length });

  return (
    <dialog
      ref={dialog}
      className="app-dialog search-palette"
      aria-label={t("title")}
      data-search-palette
      onClick={(event) => {
        if (event.target === dialog.current) closeModal(dialog.current);
      }}
    >
      <div className="search-field" data-busy={answer.status === "loading"}>
        <span aria-hidden="true" className="search-field-icon">
          🔍
        </span>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label={t("field")}
          aria-expanded={ordered.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          placeholder={t("placeholder")}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={fieldText}
          onChange={(event) => {
            setFieldText(event.target.value);
            if (!(event.nativeEvent instanceof InputEvent && event.nativeEvent.isComposing))
              setQuery(event.target.value);
          }}
          onCompositionEnd={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-esc" aria-hidden="true">
          Esc
        </kbd>
      </div>
      <p className="search-status" role="status" aria-live="polite" data-state={answer.status}>
        {status}
        {answer.status === "error" ? (
          <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
            {t("retry")}
          </button>
        ) : null}
      </p>
      <div
        role="listbox"
        id={listId}
        aria-label={t("results")}
        className="search-results"
        data-stale={answer.status === "loading"}
      >
        {groups.map(({ group, items }) => (
          <div
            role="group"
            key={group}
            aria-labelledby={`${listId}-${group}`}
            className="search-group"
            data-group={group}
          >
            <div className="search-group-label" id={`${listId}-${group}`} role="presentation">
              <span aria-hidden="true">{GROUP_ICONS[group]}</span> {groupLabels[group]}
            </div>
            {items.map(({ result, index }) => (
              <div
                role="option"
                key={`${result.url}-${index}`}
                id={optionId(index)}
                aria-selected={index === activeIndex}
                className="search-result"
                data-kind={result.kind}
                data-url={result.url}
                onMouseMove={() => index !== activeIndex && setActive(index)}
                onClick={(event) => open(result, event.ctrlKey || event.metaKey)}
              >
                <span className="search-result-head">
                  <span className="search-result-title" translate="no">
                    <Highlighted text={result.title} matches={result.titleMatches} />
                  </span>
                  <span className="search-result-context" translate="no">
                    {result.context}
                  </span>
                </span>
                {result.snippet && groupOf(result) !== "chapter" ? (
                  <span className="search-result-snippet" translate="no">
                    <Highlighted text={result.snippet} matches={result.matches} />
                  </span>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </div>
      {answer.status === "idle" ? (
        <div className="search-tips">
          <p>{t("tips.intro")}</p>
          <ul>
            <li>
              <kbd>↑</kbd> <kbd>↓</kbd> {t("tips.choose")} · <kbd>Enter</kbd> {t("tips.open")} · <kbd>Ctrl</kbd>{" "}
              <kbd>Enter</kbd> {t("tips.newTab")} · <kbd>Esc</kbd> {t("tips.close")}
            </li>
            <li>{t("tips.words")}</li>
          </ul>
        </div>
      ) : null}
    </dialog>
  );
}
