import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { ChangeBroadcast, ChangeKind } from '../change-feed.js';
import { CHANGE_NOTIFIED_TABLES } from '../migrations/005-change-notifications.js';
import { ACCESS_NOTIFIED_TABLES } from '../migrations/006-access-change-notifications.js';

/*
 * This process's own writes, reported the moment they commit. Other instances learn of them from the database's
 * notifications (migrations 005 and 006), but those arrive a little later; a client that wrote through this instance
 * and reads again at once must see its write, so the cache here hears of it before the response goes out.
 */

const naming = (tables: readonly string[]) => new RegExp(`(^|[^a-z0-9_])"?(${tables.join('|')})"?([^a-z0-9_]|$)`, 'i');
const NOTIFIED = naming(CHANGE_NOTIFIED_TABLES);
const ACCESS = naming(ACCESS_NOTIFIED_TABLES);
const READ_ONLY = /^\s*select\b/i;
const verdicts = new Map<string, ChangeKind | null>();

/**
 * What a statement may change: nothing (`null`) for a plain SELECT or one that names no notified table; `access`
 * when it names `tenants` or `api_keys` (a cascade from them is named by them); `data` for the other notified tables.
 */
function changeOf(statement: string): ChangeKind | null {
  let verdict = verdicts.get(statement);
  if (verdict === undefined) {
    verdict =
      READ_ONLY.test(statement) || !NOTIFIED.test(statement) ? null : ACCESS.test(statement) ? 'access' : 'data';
    // Statements repeat (they are compiled from a few builders); a bound keeps odd ones from growing the map.
    if (verdicts.size < 5_000) verdicts.set(statement, verdict);
  }
  return verdict;
}

class TrackedConnection implements DatabaseConnection {
  private inTransaction = false;
  /** The widest change the open transaction wrote so far; `null` while it wrote none. */
  private written: ChangeKind | null = null;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly broadcast: ChangeBroadcast,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const change = changeOf(query.sql);
    if (change === null) return this.inner.executeQuery(query);
    try {
      return await this.inner.executeQuery(query);
    } finally {
      this.wrote(change);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const change = changeOf(query.sql);
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } finally {
      if (change !== null) this.wrote(change);
    }
  }

  began(): void {
    this.inTransaction = true;
    this.written = null;
  }

  /**
   * The transaction is over: its writes are reported when it committed — also when the commit itself failed, since
   * whether it landed is then unknown, and a needless drop costs one re-read.
   */
  ended(committed: boolean): void {
    if (committed && this.written !== null) this.broadcast.changed(undefined, this.written);
    this.inTransaction = false;
    this.written = null;
  }

  /** A write to a notified table ran: on its own it has committed, so it is reported now; else with its transaction. */
  private wrote(change: ChangeKind): void {
    if (!this.inTransaction) this.broadcast.changed(undefined, change);
    else if (this.written !== 'access') this.written = change;
  }
}

class TrackingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly broadcast: ChangeBroadcast,
  ) {
    const unwrap = (connection: DatabaseConnection) => (connection as TrackedConnection).inner;
    if (inner.savepoint) this.savepoint = (c, name, compile) => inner.savepoint!(unwrap(c), name, compile);
    if (inner.rollbackToSavepoint)
      this.rollbackToSavepoint = (c, name, compile) => inner.rollbackToSavepoint!(unwrap(c), name, compile);
    if (inner.releaseSavepoint)
      this.releaseSavepoint = (c, name, compile) => inner.releaseSavepoint!(unwrap(c), name, compile);
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new TrackedConnection(await this.inner.acquireConnection(), this.broadcast);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const tracked = connection as TrackedConnection;
    await this.inner.beginTransaction(tracked.inner, settings);
    tracked.began();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    try {
      await this.inner.commitTransaction(tracked.inner);
    } finally {
      tracked.ended(true);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    try {
      await this.inner.rollbackTransaction(tracked.inner);
    } finally {
      tracked.ended(false);
    }
  }

  // Savepoints pass through, and only where the inner driver has them: Kysely asks the driver whether it does.
  readonly savepoint?: Driver['savepoint'];
  readonly rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  readonly releaseSavepoint?: Driver['releaseSavepoint'];

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as TrackedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * `dialect` with every committed write to a notified table reported on `broadcast`, as a change of any tenant, of the
 * kind its statements name.
 */
export function trackingChanges(dialect: Dialect, broadcast: ChangeBroadcast): Dialect {
  return {
    createDriver: () => new TrackingDriver(dialect.createDriver(), broadcast),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
