import { FIT_FLOOR_PT, FIT_START_PT, FIT_STEP_PT } from "./geometry";

export function overflows(element: HTMLElement): boolean {
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
