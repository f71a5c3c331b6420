/**
 * Landing on what a link points at: a sheet section (#section-…), a transcript line (#t-…) or
 * a note (?note=…). The element may appear only after the page renders (notes load from the
 * API), so we wait for it, then scroll it to the middle, focus it and flash it (data-landed).
 */

const WAIT_MS = 10_000;
const FLASH_MS = 2_500;

/** The element a URL points at, as a selector; null when it points at none. */
function targetSelector(url: URL): string | null {
  const note = url.searchParams.get("note");
  if (note) return `[data-note-id="${CSS.escape(note)}"]`;
  const hash = decodeURIComponent(url.hash.slice(1));
  return hash ? `#${CSS.escape(hash)}` : null;
}

function land(element: HTMLElement) {
  element.scrollIntoView({ block: "center", behavior: "instant" });
  if (!element.matches("a, button, input, textarea, select, [tabindex]")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
  element.setAttribute("data-landed", "");
  window.setTimeout(() => element.removeAttribute("data-landed"), FLASH_MS);
}

let cancelPending: (() => void) | null = null;

/** Lands on the element for `url` (default: the current location) as soon as it exists. */
export function revealTarget(href: string = window.location.href) {
  cancelPending?.();
  cancelPending = null;
  const selector = targetSelector(new URL(href, window.location.href));
  if (!selector) return;
  const found = document.querySelector<HTMLElement>(selector);
  if (found) return land(found);
  const observer = new MutationObserver(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      stop();
      land(element);
    }
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    cancelPending = null;
  };
  cancelPending = stop;
  observer.observe(document.body, { childList: true, subtree: true });
}
