import { createHash } from "node:crypto";

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
 */
export class ContentCache<T> {
  private readonly entries = new Map<string, { hash: string; value: T }>();

  /** The value made from `content` for `key`, made now by `make` when the content changed. */
  get(key: string, content: string | Uint8Array, make: () => T): T {
    const hash = contentHash(content);
    const cached = this.entries.get(key);
    if (cached?.hash === hash) return cached.value;
    const value = make();
    this.entries.set(key, { hash, value });
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
