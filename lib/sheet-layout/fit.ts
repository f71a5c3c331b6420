import { FIT_FLOOR_PT, FIT_START_PT, FIT_STEP_PT } from "./geometry";

function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}

/**
 * The largest size at which the body fits, by binary search over the steps; the floor when none
 * does (the caller then warns).
 */
export function fitSection(body: HTMLElement): { size: number; fits: boolean } {
  const steps = Math.round((FIT_START_PT - FIT_FLOOR_PT) / FIT_STEP_PT);
  const sizeAt = (step: number) => FIT_START_PT - step * FIT_STEP_PT;
  const fitsAt = (step: number) => {
    body.style.setProperty("--fit-size", `${sizeAt(step)}pt`);
    return !overflows(body);
  };
  if (fitsAt(0)) return { size: FIT_START_PT, fits: true };
  if (!fitsAt(steps)) return { size: FIT_FLOOR_PT, fits: false };
  let tooBig = 0;
  let fitting = steps;
  while (fitting - tooBig > 1) {
    const middle = Math.floor((tooBig + fitting) / 2);
    if (fitsAt(middle)) fitting = middle;
    else tooBig = middle;
  }
  fitsAt(fitting);
  return { size: sizeAt(fitting), fits: true };
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
