import type { ChangeFeed } from '../change-feed.js';

export type ReadCacheOptions = {
  /**
   * How many reads are kept at most, oldest dropped first (default 10,000: a contract with its JSON text is a few KB,
   * so tens of MB at most).
   */
  maxEntries?: number;
  /**
   * How long a read is kept at most, changes or not: a bound on staleness should the feed miss a notification without
   * noticing (a connection that died silently, until TCP keep-alive finds out).
   */
  maxAgeMs?: number;
  /** Milliseconds, for the age; tests set it. */
  now?: () => number;
};

type Entry = { value: unknown; tenantId: string; readFrom: number; storedAtMs: number };

const MISS: unique symbol = Symbol('miss');
export type Miss = typeof MISS;
export const isMiss = (value: unknown): value is Miss => value === MISS;

/**
 * Reads remembered until their tenant's rows change. The change feed numbers every change; a read remembers the
 * number it started at and is answered again only while no change of its tenant (nor of everything) came after. So a
 * read that started before a commit and finished after it is never kept as current, however the two interleave, and
 * nothing is answered from memory while the feed is not live.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tenantChangedAt = new Map<string, number>();
  private everythingChangedAt = 0;
  private changes = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    options: ReadCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 10_000;
    this.now = options.now ?? Date.now;
    feed.subscribe((tenantId) => this.changed(tenantId));
  }

  /** The position to pass to `remember` for a read that starts now. */
  position(): number {
    return this.changes;
  }

  recall(key: string): unknown {
    if (!this.feed.live) return MISS;
    const entry = this.entries.get(key);
    if (entry === undefined) return MISS;
    const changedAt = Math.max(this.everythingChangedAt, this.tenantChangedAt.get(entry.tenantId) ?? 0);
    if (entry.readFrom < changedAt || this.now() - entry.storedAtMs >= this.maxAgeMs) {
      this.entries.delete(key);
      return MISS;
    }
    return entry.value;
  }

  /**
   * Keeps `value`, a read of `tenantId`'s rows that started at `readFrom` (`position()`). Frozen, because every later
   * request gets the same object: a caller that changed it would change what the others see.
   */
  remember(key: string, tenantId: string, value: unknown, readFrom: number): void {
    if (!this.feed.live) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value: deepFreeze(value), tenantId, readFrom, storedAtMs: this.now() });
  }

  /** The remembered read of `key` for `tenantId`, or `load()`'s, remembered. */
  async through<T>(key: string, tenantId: string, load: () => Promise<T>): Promise<T> {
    const known = this.recall(key);
    if (!isMiss(known)) return known as T;
    const readFrom = this.position();
    const value = await load();
    this.remember(key, tenantId, value, readFrom);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private changed(tenantId: string | undefined): void {
    this.changes += 1;
    if (tenantId !== undefined) {
      this.tenantChangedAt.set(tenantId, this.changes);
      return;
    }
    this.everythingChangedAt = this.changes;
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
