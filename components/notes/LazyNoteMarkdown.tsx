"use client";

import { lazy, Suspense } from "react";

const loadNoteMarkdown = () => import("./NoteMarkdown");

const NoteMarkdown = lazy(() => loadNoteMarkdown().then((module) => ({ default: module.NoteMarkdown })));

/**
 * A note's Markdown in the notes panel, its renderer loaded apart from the page: the Markdown
 * parser and sanitiser are 157 KB of script the chapter page does not need until a note is shown,
 * and every byte of the page's script is parsed before its sheet is ready. Until it is in (one
 * frame once preloaded), the note shows as its plain text.
 */
export function LazyNoteMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="note-plain-text">{text}</p>}>
      <NoteMarkdown text={text} />
    </Suspense>
  );
}

/** Starts loading the renderer, for a panel about to ask for its notes. */
export function preloadNoteMarkdown(): void {
  void loadNoteMarkdown();
}
