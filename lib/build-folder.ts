/**
 * The folder the app is built into, as next.config.mjs's `distDir` names it: `.next`, or
 * NEXT_DIST_DIR for the e2e and bench builds. Relative to the project folder.
 */
export function buildFolder(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}
