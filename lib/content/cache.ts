import { createHash } from "node:crypto";
import { contentVersion } from "./changes";

/** sha256 hex of a file's text or bytes (the studio's `hash` is the same figure for sheet.mdx). */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * What lib/content made from a file's content, kept while that content stays the same.
 *
 * One entry per key (a file, or a course folder): an edited file replaces its entry on the next
 * read, so the app shows it fresh at once, and the cache never holds more than one value per
 * file. The key is the content itself (hashed), not a modification time, so a file rewritten
 * with the same bytes is not compiled again and one changed within the same clock tick is.
 * While the content version (lib/content/changes) stays the same, the files are not even read.
 */
export class ContentCache<T> {
  private readonly entries = new Map<string, { hash: string; version: number | null; value: T }>();

  /**
   * The value for `key`: `read` gets the current content (and whatever `make` needs from it),
   * `make` builds the value when the content changed, `folder` is where the files read live.
   * Throws what `read` throws (a missing file).
   */
  get<R extends { content: string }>(key: string, read: () => R, make: (read: R) => T, folder?: string): T {
    // Taken before reading: a change during the read moves the version, so it is read again.
    // With `folder`, only changes in that folder (and its course folder) count.
    const version = contentVersion(folder);
    const cached = this.entries.get(key);
    if (cached && version !== null && cached.version === version) return cached.value;
    const current = read();
    const hash = contentHash(current.content);
    if (cached?.hash === hash) {
      cached.version = version;
      return cached.value;
    }
    const value = make(current);
    this.entries.set(key, { hash, version, value });
    return value;
  }

  /** Forgets `key` (its file is gone), so removed files do not stay in memory. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Whether the content caches are kept once per server process. Next bundles lib/ once for the
 * pages and once for the route handlers, and each copy would otherwise read, parse and compile
 * every course again and hold a second copy of it (the first search after a start re-read all
 * fifty course.yaml files the library page had just read). In development each copy keeps its
 * own, so that an edit to this code is seen at once.
 */
export const CACHES_PER_PROCESS = process.env.NODE_ENV === "production";
