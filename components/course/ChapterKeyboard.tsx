"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useShortcut } from "@/components/app/ShortcutProvider";
import { NEW_NOTE_EVENT } from "@/components/notes/section-note-events";
import { chapterPageHref, type ChapterView, type ChapterOption } from "./chapter-pages";

/**
 * The chapter switcher, and what the chapter keys do on a chapter's sheet or source page:
 * ← → the previous / next chapter (same kind of page), s sheet ↔ source, p print, n new note, e the studio.
 */
export function ChapterKeyboard({
  base,
  current,
  chapters,
  previous,
  next,
  hasSource,
  view,
}: {
  base: string;
  current: number;
  chapters: ChapterOption[];
  previous?: number;
  next?: number;
  hasSource: boolean;
  view: ChapterView;
}) {
  const t = useTranslations("chapter.nav");
  const router = useRouter();
  const go = (number: number) => router.push(chapterPageHref(base, chapters, number, view));
  useShortcut("previous-chapter", () => previous !== undefined && go(previous), previous !== undefined);
  useShortcut("next-chapter", () => next !== undefined && go(next), next !== undefined);
  useShortcut("print", () => window.print());
  useShortcut(
    "source",
    () => router.push(view === "source" ? `${base}/${current}` : `${base}/${current}/source`),
    view === "source" || hasSource,
  );
  useShortcut("new-note", () => window.dispatchEvent(new CustomEvent(NEW_NOTE_EVENT)), view === "sheet");
  useShortcut("edit", () => router.push(`${base}/${current}/edit`), view === "sheet");
  // Effects run in order: once this one has, the keys above answer for this chapter (scripts and
  // tests wait for data-keys-for, as print waits for the sheet's data-ready).
  const [keysReady, setKeysReady] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the marker must come after hydration
  useEffect(() => setKeysReady(true), []);

  return (
    <label className="chapter-switcher" data-keys-for={keysReady ? `${view}:${current}` : undefined}>
      <span className="sr-only">{t("chapter")}</span>
      <select
        value={current}
        onChange={(event) => go(Number(event.target.value))}
        aria-label={t("goTo")}
        translate="no"
      >
        {chapters.map((c) => (
          <option key={c.number} value={c.number}>
            {c.written ? `${c.number}. ${c.title}` : t("notWrittenOption", { number: c.number, title: c.title })}
          </option>
        ))}
      </select>
    </label>
  );
}
