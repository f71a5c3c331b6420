import { FIT_FLOOR_PT, FIT_START_PT, FIT_STEP_PT } from "./geometry";

function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}

/**
 * The smallest step (0 = the start size, `steps` = the floor) at which `fitsAt` holds, or null when
 * even the floor does not fit; `fitsAt` holds for every step past one where it holds. A binary
 * search; with a `hint` (the step this section fitted at last time, e.g. before the studio's last
 * keystroke) it looks there first, so an edit that keeps the size costs two probes, not six.
 */
export function smallestFittingStep(fitsAt: (step: number) => boolean, steps: number, hint?: number): number | null {
  // Known bounds: `tooBig` overflows (-1: none known), `fitting` fits (steps + 1: none known).
  let tooBig = -1;
  let fitting = steps + 1;
  if (hint !== undefined) {
    // Outward from the hint in doubling strides, until the answer is bracketed.
    const at = Math.min(Math.max(Math.round(hint), 0), steps);
    if (fitsAt(at)) {
      fitting = at;
      for (let stride = 1; at - stride >= 0 && tooBig < 0; stride *= 2) {
        if (fitsAt(at - stride)) fitting = at - stride;
        else tooBig = at - stride;
      }
      if (fitting === 0) return 0;
    } else {
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

/**
 * The largest size at which the body fits, over the fit steps; the floor when none does (the caller
 * then warns). `hintSize` is the size it fitted at before, where the search starts.
 */
export function fitSection(body: HTMLElement, hintSize?: number): { size: number; fits: boolean } {
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
