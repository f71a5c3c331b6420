"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

interface ChapterOption {
  number: number;
  title: string;
  written: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The chapter switcher, and the chapter page's keys: ← → chapters, p print, s source. */
export function ChapterKeyboard({ base, current, chapters, previous, next, hasSource }: { base: string; current: number; chapters: ChapterOption[]; previous?: number; next?: number; hasSource: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "ArrowLeft" && previous !== undefined) router.push(`${base}/${previous}`);
      else if (event.key === "ArrowRight" && next !== undefined) router.push(`${base}/${next}`);
      else if (event.key === "p") window.print();
      else if (event.key === "s" && hasSource) router.push(`${base}/${current}/source`);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, base, current, previous, next, hasSource]);

  return (
    <label className="chapter-switcher">
      <span className="sr-only">Chapter</span>
      <select value={current} onChange={(event) => router.push(`${base}/${event.target.value}`)} aria-label="Go to chapter">
        {chapters.map((c) => (
          <option key={c.number} value={c.number}>
            {c.number}. {c.title}
            {c.written ? "" : " (not written yet)"}
          </option>
        ))}
      </select>
    </label>
  );
}
