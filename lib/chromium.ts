import fs from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH): Playwright's own browser download cannot work offline. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export const CHROMIUM_INSTALL_HINT = "apt-get update && apt-get install -y chromium";

export function chromiumMissingMessage(): string | null {
  const path = chromiumPath();
  return fs.existsSync(path)
    ? null
    : `Chromium was not found at ${path}. Install it with:\n  ${CHROMIUM_INSTALL_HINT}\nor set CHROMIUM_PATH to a Chromium binary.`;
}

/** Flags for a headless Chromium on a machine without network or GPU. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
