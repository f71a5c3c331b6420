/**
 * The app's keyboard shortcuts: one list, read by the key handler and by the `?` help dialog,
 * so the two cannot disagree. Keys are physical keys (`KeyboardEvent.code`): with a Korean
 * (Dubeolsik) input mode on, the N key sends `ㅜ` as its `key` but is still `KeyN`.
 */
export const SHORTCUTS = [
  { id: "search", keys: ["Slash", "Ctrl+KeyK"], where: "everywhere" },
  { id: "previous-chapter", keys: ["ArrowLeft"], where: "chapter" },
  { id: "next-chapter", keys: ["ArrowRight"], where: "chapter" },
  { id: "new-note", keys: ["KeyN"], where: "sheet" },
  { id: "source", keys: ["KeyS"], where: "chapter" },
  { id: "print", keys: ["KeyP"], where: "chapter" },
  { id: "edit", keys: ["KeyE"], where: "sheet" },
  { id: "study", keys: ["KeyT"], where: "sheet" },
  { id: "help", keys: ["Shift+Slash"], where: "everywhere" },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];
export type ShortcutKey = (typeof SHORTCUTS)[number]["keys"][number];
export type ShortcutPlace = (typeof SHORTCUTS)[number]["where"];

/** The parts of a KeyboardEvent that decide the shortcut. */
export interface KeyPress {
  /** The physical key (`KeyN`, `Slash`, `ArrowLeft`), the same in every input mode and layout. */
  code: string;
  /** The character it typed: only a fallback for `/` and `?` on layouts that put them elsewhere. */
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** Focus is in a text field, a select or editable content: plain keys type there. */
  typing: boolean;
}

const PLAIN_CODES: Record<string, ShortcutId> = {
  ArrowLeft: "previous-chapter",
  ArrowRight: "next-chapter",
  KeyN: "new-note",
  KeyS: "source",
  KeyP: "print",
  KeyE: "edit",
  KeyT: "study",
};

/** Which shortcut a key press means, or null. Ctrl/⌘ K works even while typing, as everywhere. */
export function shortcutFor(press: KeyPress): ShortcutId | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && press.code === "KeyK") return "search";
  if (press.ctrlKey || press.metaKey || press.altKey || press.typing) return null;
  // "?" by its character first: it is Shift+Slash on most layouts, but scripts may send it unshifted.
  if (press.key === "?") return "help";
  if (press.code === "Slash") return press.shiftKey ? "help" : "search";
  if (press.key === "/") return "search";
  return press.shiftKey ? null : (PLAIN_CODES[press.code] ?? null);
}

/** Hangul jamo the Dubeolsik layout puts on the letter keys we use. */
const DUBEOLSIK_JAMO: Partial<Record<string, string>> = {
  KeyE: "ㄷ",
  KeyK: "ㅏ",
  KeyN: "ㅜ",
  KeyP: "ㅔ",
  KeyS: "ㄴ",
  KeyT: "ㅅ",
};

/** What a shortcut's letter types in Korean mode ("Ctrl+KeyK" → "ㅏ"), shown beside it in Korean. */
export function dubeolsikJamo(key: ShortcutKey): string | undefined {
  return DUBEOLSIK_JAMO[key.split("+").at(-1) ?? key];
}

const CAPS: Record<string, string> = { Slash: "/", ArrowLeft: "←", ArrowRight: "→", Ctrl: "Ctrl", Shift: "Shift" };

/** The key caps of a shortcut key: "Ctrl+KeyK" → ["Ctrl", "K"], "Shift+Slash" → ["?"]. */
export function keyCaps(key: ShortcutKey): string[] {
  if (key === "Shift+Slash") return ["?"];
  return key.split("+").map((part) => CAPS[part] ?? part.replace(/^Key/, ""));
}

/** Whether keys pressed in this element type into it rather than command the app. */
export function isTypingTarget(
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null,
): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  // Buttons and check boxes are inputs too, but take no text.
  return (
    target.tagName === "INPUT" &&
    !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(target.type ?? "text")
  );
}
