import { describe, expect, it } from "vitest";
import { dubeolsikJamo, isTypingTarget, keyCaps, shortcutFor, SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { chapterPageHref } from "@/components/course/chapter-pages";

type Press = Parameters<typeof shortcutFor>[0];
const press = (code: string, key: string, extra: Partial<Press> = {}) =>
  shortcutFor({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, typing: false, ...extra });

describe("shortcutFor", () => {
  it("maps the physical keys of the issue", () => {
    const presses: [string, string][] = [
      ["ArrowLeft", "ArrowLeft"],
      ["ArrowRight", "ArrowRight"],
      ["Slash", "/"],
      ["KeyN", "n"],
      ["KeyP", "p"],
      ["KeyS", "s"],
    ];
    expect(presses.map(([code, key]) => press(code, key))).toEqual([
      "previous-chapter",
      "next-chapter",
      "search",
      "new-note",
      "print",
      "source",
    ]);
    expect(press("Slash", "?", { shiftKey: true })).toBe("help");
    expect(press("Slash", "?")).toBe("help");
    expect(press("KeyX", "x")).toBeNull();
  });

  it("works with the Korean (Dubeolsik) input mode on: the key is a jamo, the code is the same", () => {
    expect(press("KeyN", "ㅜ")).toBe("new-note");
    expect(press("KeyS", "ㄴ")).toBe("source");
    expect(press("KeyP", "ㅔ")).toBe("print");
    expect(press("KeyK", "ㅏ", { ctrlKey: true })).toBe("search");
    // Shift+N types ㅜ too on Dubeolsik, but a shifted letter is not a shortcut.
    expect(press("KeyN", "ㅜ", { shiftKey: true })).toBeNull();
  });

  it("finds / and ? by the character on layouts that put them on other keys", () => {
    expect(press("Minus", "?", { shiftKey: true })).toBe("help");
    expect(press("Digit7", "/", { shiftKey: true })).toBe("search");
  });

  it("studies with the physical T key and opens the studio with E, whatever the layout types", () => {
    expect(press("KeyT", "t")).toBe("study");
    expect(press("KeyT", "ㅅ")).toBe("study");
    expect(press("KeyE", "e")).toBe("edit");
    expect(press("KeyE", "ㄷ")).toBe("edit");
    expect(press("KeyE", "e", { typing: true })).toBeNull();
  });

  it("opens search with Ctrl K or ⌘ K, even while typing", () => {
    expect(press("KeyK", "k", { ctrlKey: true })).toBe("search");
    expect(press("KeyK", "K", { metaKey: true, typing: true })).toBe("search");
  });

  it("leaves plain keys to a field being typed in, and modified keys to the browser", () => {
    expect(press("KeyN", "n", { typing: true })).toBeNull();
    expect(press("KeyN", "ㅜ", { typing: true })).toBeNull();
    expect(press("ArrowLeft", "ArrowLeft", { typing: true })).toBeNull();
    expect(press("KeyP", "p", { ctrlKey: true })).toBeNull();
    expect(press("ArrowLeft", "ArrowLeft", { altKey: true })).toBeNull();
  });

  it("lists every shortcut it knows in the help, with key caps", () => {
    const ids = ["edit", "help", "new-note", "next-chapter", "previous-chapter", "print", "search", "source", "study"];
    expect(SHORTCUTS.map((s) => s.id).sort()).toEqual(ids);
    const caps = [["/"], ["Ctrl", "K"], ["←"], ["→"], ["N"], ["S"], ["P"], ["E"], ["T"], ["?"]];
    expect(SHORTCUTS.flatMap((s) => s.keys).map(keyCaps)).toEqual(caps);
    const jamo = [undefined, "ㅏ", undefined, undefined, "ㅜ", "ㄴ", "ㅔ", "ㄷ", "ㅅ", undefined];
    expect(SHORTCUTS.flatMap((s) => s.keys).map(dubeolsikJamo)).toEqual(jamo);
  });
});

describe("isTypingTarget", () => {
  it("knows text fields from buttons", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("chapterPageHref", () => {
  const chapters = [
    { number: 1, title: "a", written: true, hasSource: true },
    { number: 2, title: "b", written: true, hasSource: false },
  ];
  it("stays on source pages where there is one, else goes to the chapter page", () => {
    expect(chapterPageHref("/courses/c", chapters, 1, "source")).toBe("/courses/c/1/source");
    expect(chapterPageHref("/courses/c", chapters, 2, "source")).toBe("/courses/c/2");
    expect(chapterPageHref("/courses/c", chapters, 1, "sheet")).toBe("/courses/c/1");
  });
});
