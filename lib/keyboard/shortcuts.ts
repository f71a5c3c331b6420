/**
 * The app's keyboard shortcuts: one list, read by the key handler and by the `?` help dialog,
 * so the two cannot disagree.
 */
export const SHORTCUTS = [
  { id: "search", keys: ["/", "Ctrl K"], label: "Search sheets, transcripts and notes", where: "everywhere" },
  { id: "previous-chapter", keys: ["←"], label: "Previous chapter", where: "on a chapter's sheet or source page" },
  { id: "next-chapter", keys: ["→"], label: "Next chapter", where: "on a chapter's sheet or source page" },
  { id: "new-note", keys: ["n"], label: "New note on this chapter", where: "on a chapter's sheet" },
  { id: "source", keys: ["s"], label: "Source page (and back to the sheet)", where: "on a chapter's sheet or source page" },
  { id: "print", keys: ["p"], label: "Print", where: "on a chapter's sheet or source page" },
  { id: "edit", keys: ["e"], label: "Edit the sheet in the studio", where: "on a chapter's sheet" },
  { id: "study", keys: ["t"], label: "Study this sheet in place (Space reveal, 1–4 rate, ← → move)", where: "on a chapter's sheet" },
  { id: "help", keys: ["?"], label: "Show these shortcuts", where: "everywhere" },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];

/** The parts of a KeyboardEvent that decide the shortcut. */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyT"), for shortcuts that must work whatever the layout (한글 gives "ㅅ"). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field, a select or editable content: plain keys type there. */
  typing: boolean;
}

const PLAIN_KEYS: Record<string, ShortcutId> = {
  "/": "search",
  "?": "help",
  ArrowLeft: "previous-chapter",
  ArrowRight: "next-chapter",
  n: "new-note",
  s: "source",
  p: "print",
};

/** Shortcuts by physical key: the same place on the keyboard in every layout. */
const PLAIN_CODES: Record<string, ShortcutId> = {
  KeyT: "study",
};

/** Which shortcut a key press means, or null. Ctrl/⌘ K works even while typing, as everywhere. */
export function shortcutFor(press: KeyPress): ShortcutId | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === "k") return "search";
  if (press.ctrlKey || press.metaKey || press.altKey || press.typing) return null;
  if (press.code === "KeyE") return "edit";
  return PLAIN_KEYS[press.key] ?? (press.code ? PLAIN_CODES[press.code] : undefined) ?? null;
}

/** Whether keys pressed in this element type into it rather than command the app. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  // Buttons and check boxes are inputs too, but take no text.
  return target.tagName === "INPUT" && !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(target.type ?? "text");
}
