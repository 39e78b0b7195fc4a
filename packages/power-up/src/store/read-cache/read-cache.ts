import type { ChangeFeed, ChangeKind } from '../change-feed.js';

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

/**
 * `kind`: the changes that drop the entry. A `data` entry goes with any change of its tenant; an `access` entry (an
 * API key's holder, read from `tenants` and `api_keys` only) goes with an `access` change alone.
 */
type Entry = { value: unknown; tenantId: string; kind: ChangeKind; readFrom: number; storedAtMs: number };

const MISS: unique symbol = Symbol('miss');
export type Miss = typeof MISS;
export const isMiss = (value: unknown): value is Miss => value === MISS;

/**
 * Reads remembered until their tenant's rows change. The change feed numbers every change; a read remembers the
 * number it started at and is answered again only while no change of its tenant (nor of everything) came after — of
 * any kind for a `data` read, of kind `access` for an `access` read. So a read that started before a commit and
 * finished after it is never kept as current, however the two interleave, and nothing is answered from memory while
 * the feed is not live.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  /** The last change of any kind, by tenant and of everything: what a `data` entry must not predate. */
  private readonly tenantChangedAt = new Map<string, number>();
  private everythingChangedAt = 0;
  /** The last `access` change, by tenant and of everything: what an `access` entry must not predate. */
  private readonly tenantAccessChangedAt = new Map<string, number>();
  private everythingAccessChangedAt = 0;
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
    feed.subscribe((tenantId, kind) => this.changed(tenantId, kind));
  }

  /** The position to pass to `remember` for a read that starts now. */
  position(): number {
    return this.changes;
  }

  recall(key: string): unknown {
    if (!this.feed.live) return MISS;
    const entry = this.entries.get(key);
    if (entry === undefined) return MISS;
    const changedAt =
      entry.kind === 'data'
        ? Math.max(this.everythingChangedAt, this.tenantChangedAt.get(entry.tenantId) ?? 0)
        : Math.max(this.everythingAccessChangedAt, this.tenantAccessChangedAt.get(entry.tenantId) ?? 0);
    if (entry.readFrom < changedAt || this.now() - entry.storedAtMs >= this.maxAgeMs) {
      this.entries.delete(key);
      return MISS;
    }
    return entry.value;
  }

  /**
   * Keeps `value`, a read of `tenantId`'s rows that started at `readFrom` (`position()`), until a change of a `kind`
   * that drops it (`data` unless said). Frozen, because every later request gets the same object: a caller that
   * changed it would change what the others see.
   */
  remember(key: string, tenantId: string, value: unknown, readFrom: number, kind: ChangeKind = 'data'): void {
    if (!this.feed.live) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value: deepFreeze(value), tenantId, kind, readFrom, storedAtMs: this.now() });
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

  private changed(tenantId: string | undefined, kind: ChangeKind): void {
    this.changes += 1;
    if (tenantId !== undefined) {
      this.tenantChangedAt.set(tenantId, this.changes);
      if (kind === 'access') this.tenantAccessChangedAt.set(tenantId, this.changes);
      return;
    }
    this.everythingChangedAt = this.changes;
    if (kind === 'data') return; // The `data` entries it drops are found out when recalled.
    this.everythingAccessChangedAt = this.changes;
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
