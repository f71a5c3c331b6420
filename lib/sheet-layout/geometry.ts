/**
 * The sheet's geometry, in one place: the A4 page in millimetres and CSS pixels, and
 * the text sizes a section is fitted between. The CSS reads the same numbers as custom properties
 * (`sheetGeometryStyle`, set on the root element), so no stylesheet repeats them.
 */
import type { CSSProperties } from "react";

/** ISO A4, portrait. */
const A4_MM = { width: 210, height: 297 } as const;

/** CSS pixels are 1/96 inch. */
const CSS_PX_PER_MM = 96 / 25.4;

/** A4 in CSS pixels (793.7 × 1122.5): what the screen viewer scales. */
export const A4_PX = { width: A4_MM.width * CSS_PX_PER_MM, height: A4_MM.height * CSS_PX_PER_MM } as const;
/** A4 in whole CSS pixels (794 × 1123): the print browser's viewport. */
export const A4_VIEWPORT = { width: Math.round(A4_PX.width), height: Math.round(A4_PX.height) } as const;

/** Printed text sizes a section may use, largest first: it shrinks step by step to fit. */
export const FIT_START_PT = 11;
/** The floor: a section that does not fit at this size is reported, never set smaller. */
export const FIT_FLOOR_PT = 7;
export const FIT_STEP_PT = 0.25;

/** Height over width of the page, for pictures of a sheet. */
export const A4_ASPECT = A4_MM.height / A4_MM.width;

/**
 * The custom properties the stylesheets use for the page size and the fit sizes. (React's
 * CSSProperties has no type for custom properties, hence the widening.)
 */
export const sheetGeometryStyle = {
  "--sheet-width": `${A4_MM.width}mm`,
  "--sheet-height": `${A4_MM.height}mm`,
  "--fit-start": `${FIT_START_PT}pt`,
  "--fit-floor": `${FIT_FLOOR_PT}pt`,
} as CSSProperties;
