import { withoutDrawingIds } from "@/lib/mermaid/drawing-ids";
import { FIT_FLOOR_PT, FIT_START_PT, FIT_STEP_PT } from "./geometry";

/** The part of a section's body element the fit reads and writes (an HTMLElement, or a stand-in in tests). */
export interface FitBody {
  innerHTML: string;
  clientWidth: number;
  clientHeight: number;
  scrollWidth: number;
  scrollHeight: number;
  style: { setProperty(name: string, value: string): void };
}

function overflows(element: FitBody): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}

/**
 * The smallest step (0 = the start size, `steps` = the floor) at which `fitsAt` holds, or null when
 * even the floor does not fit; `fitsAt` holds for every step past one where it holds. A binary
 * search; with a `hint` (the step this section fitted at last time, e.g. before the studio's last
 * keystroke) it looks one step larger first and then at the hint, so an edit that keeps the size
 * costs two probes, the last of them the answer (the caller need not set it again).
 */
export function smallestFittingStep(fitsAt: (step: number) => boolean, steps: number, hint?: number): number | null {
  // Known bounds: `tooBig` overflows (-1: none known), `fitting` fits (steps + 1: none known).
  let tooBig = -1;
  let fitting = steps + 1;
  if (hint !== undefined) {
    const at = Math.min(Math.max(Math.round(hint), 0), steps);
    if (at > 0 && fitsAt(at - 1)) {
      // Larger, in doubling strides, until a size overflows.
      fitting = at - 1;
      for (let stride = 2; at - stride >= 0 && tooBig < 0; stride *= 2) {
        if (fitsAt(at - stride)) fitting = at - stride;
        else tooBig = at - stride;
      }
      if (fitting === 0) return 0;
    } else {
      tooBig = at - 1;
      if (fitsAt(at)) return at;
      // Smaller, in doubling strides, until a size fits.
      tooBig = at;
      for (let stride = 1; at + stride <= steps && fitting > steps; stride *= 2) {
        if (fitsAt(at + stride)) fitting = at + stride;
        else tooBig = at + stride;
      }
    }
  }
  if (tooBig < 0) {
    if (fitsAt(0)) return 0;
    tooBig = 0;
  }
  if (fitting > steps) {
    if (tooBig === steps || !fitsAt(steps)) return null;
    fitting = steps;
  }
  while (fitting - tooBig > 1) {
    const middle = Math.floor((tooBig + fitting) / 2);
    if (fitsAt(middle)) fitting = middle;
    else tooBig = middle;
  }
  return fitting;
}

/** What a section fitted to, and what from: the same content in a box of the same size fits the same. */
export interface SectionFit {
  size: number;
  fits: boolean;
  /** contentDigest of what the body held. */
  content: string;
  width: number;
  height: number;
  /** How much of the body the content fills at that size (measureFill). */
  fill: number;
}

/**
 * A short digest of a body's markup (cyrb53, 53 bits as hex): what a fit is remembered by, compact
 * enough to keep thousands across page loads. Not for anything a collision could harm: at worst a
 * section is given the size another content fitted at in the same box.
 */
export function contentDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * The largest size at which the body fits, over the fit steps; the floor when none does (the caller
 * then warns). `hintSize` is the size it fitted at before, where the search starts.
 */
function fitSection(body: FitBody, hintSize?: number): { size: number; fits: boolean } {
  const steps = Math.round((FIT_START_PT - FIT_FLOOR_PT) / FIT_STEP_PT);
  const sizeAt = (step: number) => FIT_START_PT - step * FIT_STEP_PT;
  let probed: number | null = null;
  const fitsAt = (step: number) => {
    probed = step;
    body.style.setProperty("--fit-size", `${sizeAt(step)}pt`);
    return !overflows(body);
  };
  const hint = hintSize === undefined ? undefined : (FIT_START_PT - hintSize) / FIT_STEP_PT;
  const step = smallestFittingStep(fitsAt, steps, hint);
  const chosen = step ?? steps;
  if (probed !== chosen) fitsAt(chosen);
  return { size: sizeAt(chosen), fits: step !== null };
}

type FitCell<Body extends FitBody = FitBody> = { key: string; body: Body };
/** What a body held when it was first seen on the page, and whether that is what it fitted last time. */
export interface BodyContent {
  content: string;
  same: boolean;
}

function takeRememberedFit({ key, body }: FitCell, memory: Map<string, SectionFit>): BodyContent {
  // A diagram's ids are new in each page load; its drawing is not.
  const content = contentDigest(withoutDrawingIds(body.innerHTML));
  const last = memory.get(key);
  if (!last || last.content !== content) return { content, same: false };
  body.style.setProperty("--fit-size", `${last.size}pt`);
  return { content, same: true };
}

/**
 * Gives each body whose content is what it was last time (by key, in `memory`) its last size, and
 * says by key what each holds. Called before anything measures the new page, so the page is laid
 * out once, at the remembered sizes: the studio draws the whole page again after each pause in
 * typing, and only the edited section changed.
 */
export function applyRememberedFits(cells: FitCell[], memory: Map<string, SectionFit>): Map<string, BodyContent> {
  return new Map(cells.map((cell) => [cell.key, takeRememberedFit(cell, memory)]));
}

/**
 * Fits every body and remembers in `memory` what each fitted to, and how full it is (`fillOf`,
 * measured once every size is set). A body that took its remembered size (in `before`, from
 * applyRememberedFits, or now) keeps it, and its fill, without a probe when its box is the same
 * size as then.
 */
export function fitSections<Body extends FitBody>(
  cells: FitCell<Body>[],
  memory: Map<string, SectionFit>,
  fillOf: (body: Body) => number,
  before: Map<string, BodyContent> = new Map(),
): SectionFit[] {
  // Every remembered size is set before the first box is read: one layout for all of them.
  const seen = cells.map((cell) => ({ ...cell, ...(before.get(cell.key) ?? takeRememberedFit(cell, memory)) }));
  const fitted = seen.map(({ key, body, content, same }) => {
    const last = memory.get(key);
    const width = body.clientWidth;
    const height = body.clientHeight;
    const kept = same && last && last.width === width && last.height === height ? last : undefined;
    return { key, body, kept, content, width, height, fit: kept ?? fitSection(body, last?.size) };
  });
  // Read after every size is written, so the fills cost one more layout, not one a section.
  return fitted.map(({ key, body, kept, content, width, height, fit }) => {
    const record = kept ?? { size: fit.size, fits: fit.fits, content, width, height, fill: fillOf(body) };
    // Set again, so the map's order is the order of use (the longest unused are dropped first).
    memory.delete(key);
    memory.set(key, record);
    return record;
  });
}

/**
 * How much of the body its content fills at the fitted size, 0–1 (more than 1 when it overflows):
 * the height of the content's own box, measured with a Range so the cell's stretch does not count.
 */
export function measureFill(body: HTMLElement): number {
  const box = body.getBoundingClientRect();
  if (box.height <= 0 || body.offsetHeight <= 0) return 0;
  // The sheet may be scaled (the viewer's zoom): rectangles are scaled, offset sizes and padding are not.
  const scale = box.height / body.offsetHeight;
  const range = document.createRange();
  range.selectNodeContents(body);
  const content = range.getBoundingClientRect();
  const style = getComputedStyle(body);
  const top = parseFloat(style.paddingTop);
  const available = body.offsetHeight - top - parseFloat(style.paddingBottom);
  const used = content.height > 0 ? (content.bottom - box.top) / scale - top : 0;
  return Math.min(1, Math.round((Math.max(used, 0) / Math.max(available, 1)) * 100) / 100);
}
