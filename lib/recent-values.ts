/**
 * The most recently used values, at most `limit` of them: a hit moves its entry to the newest
 * place, and adding past the limit drops the oldest. For work that is often asked again with the
 * same input (a sheet's compile, a diagram's drawing) where keeping everything would grow forever.
 */
export class RecentValues<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, or undefined when it is not kept (an undefined value reads as a miss). */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
