import { describe, expect, it } from "vitest";
import { isTypingTarget, shortcutFor, SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { chapterPageHref } from "@/components/course/chapter-pages";

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

describe("shortcutFor", () => {
  it("maps the plain keys of the issue", () => {
    expect(["ArrowLeft", "ArrowRight", "/", "n", "p", "s", "?"].map((key) => press(key))).toEqual(["previous-chapter", "next-chapter", "search", "new-note", "print", "source", "help"]);
    expect(press("x")).toBeNull();
    expect(press("t", { code: "KeyT" })).toBe("study");
    expect(press("ㅅ", { code: "KeyT" })).toBe("study");
  });

  it("opens the studio with the physical E key, whatever the layout types", () => {
    expect(press("e", { code: "KeyE" })).toBe("edit");
    expect(press("ㄷ", { code: "KeyE" })).toBe("edit");
    expect(press("e", { code: "KeyE", typing: true })).toBeNull();
  });

  it("opens search with Ctrl K or ⌘ K, even while typing", () => {
    expect(press("k", { ctrlKey: true })).toBe("search");
    expect(press("K", { metaKey: true, typing: true })).toBe("search");
  });

  it("leaves plain keys to a field being typed in, and modified keys to the browser", () => {
    expect(press("n", { typing: true })).toBeNull();
    expect(press("ArrowLeft", { typing: true })).toBeNull();
    expect(press("p", { ctrlKey: true })).toBeNull();
    expect(press("ArrowLeft", { altKey: true })).toBeNull();
  });

  it("lists every shortcut it knows in the help", () => {
    expect(SHORTCUTS.map((s) => s.id).sort()).toEqual(["edit", "help", "new-note", "next-chapter", "previous-chapter", "print", "search", "source", "study"]);
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
