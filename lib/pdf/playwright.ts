import { createRequire } from "node:module";
import type * as Playwright from "playwright-core";

/**
 * playwright-core for the server, required rather than imported: Node's import of a CommonJS
 * package first scans its 13 MB of bundles for the names it exports, 0.3 s more of the first PDF
 * after a start (the package is never bundled: next.config's serverExternalPackages).
 */
const playwright = createRequire(import.meta.url)("playwright-core") as typeof Playwright;

export const { chromium, errors } = playwright;
