/**
 * What a change may have touched. `access`: who may call as a tenant — the `tenants` and `api_keys` rows an API key's
 * holder is read from — and everything else of the tenant too. `data`: only the tenant's other rows (contracts,
 * links, terms), so a cached key holder still holds.
 */
export type ChangeKind = 'access' | 'data';

export type ChangeListener = (tenantId: string | undefined, kind: ChangeKind) => void;

/**
 * Committed changes, as the store reports them to caches over it. A change names the tenant whose rows changed, or
 * none (`undefined`) when anything may have changed: a write this process committed (the SQL does not say for whom),
 * or a gap in the feed (a reconnect); and its kind. `live` is false while changes could go unreported — before the
 * feed is connected, after its connection dropped — and a cache must not answer from memory then.
 */
export interface ChangeFeed {
  readonly live: boolean;
  /** Calls `listener` on every change from now on; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
}

/** The feed's writing side, kept by the store adapter that knows of the changes. */
export class ChangeBroadcast implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private isLive: boolean;

  constructor(live: boolean) {
    this.isLive = live;
  }

  get live(): boolean {
    return this.isLive;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A committed change; without a kind, the widest (`access`). */
  changed(tenantId?: string, kind: ChangeKind = 'access'): void {
    for (const listener of this.listeners) listener(tenantId, kind);
  }

  /** Going live or dead is itself a change of everything: what happened in between was not reported. */
  setLive(live: boolean): void {
    this.isLive = live;
    this.changed(undefined, 'access');
  }
}
