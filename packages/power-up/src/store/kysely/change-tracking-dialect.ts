import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { ChangeBroadcast } from '../change-feed.js';
import { CHANGE_NOTIFIED_TABLES } from '../migrations/005-change-notifications.js';

/*
 * This process's own writes, reported the moment they commit. Other instances learn of them from the database's
 * notifications (migration 005), but those arrive a little later; a client that wrote through this instance and reads
 * again at once must see its write, so the cache here hears of it before the response goes out.
 */

const NOTIFIED = new RegExp(`(^|[^a-z0-9_])"?(${CHANGE_NOTIFIED_TABLES.join('|')})"?([^a-z0-9_]|$)`, 'i');
const READ_ONLY = /^\s*select\b/i;
const verdicts = new Map<string, boolean>();

/** Whether a statement may change a notified table: any statement that is not a plain SELECT and names one. */
function changesNotifiedTable(statement: string): boolean {
  let verdict = verdicts.get(statement);
  if (verdict === undefined) {
    verdict = !READ_ONLY.test(statement) && NOTIFIED.test(statement);
    // Statements repeat (they are compiled from a few builders); a bound keeps odd ones from growing the map.
    if (verdicts.size < 5_000) verdicts.set(statement, verdict);
  }
  return verdict;
}

class TrackedConnection implements DatabaseConnection {
  private inTransaction = false;
  private dirty = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly broadcast: ChangeBroadcast,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!changesNotifiedTable(query.sql)) return this.inner.executeQuery(query);
    try {
      return await this.inner.executeQuery(query);
    } finally {
      this.wrote();
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const writes = changesNotifiedTable(query.sql);
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } finally {
      if (writes) this.wrote();
    }
  }

  began(): void {
    this.inTransaction = true;
    this.dirty = false;
  }

  /**
   * The transaction is over: its writes are reported when it committed — also when the commit itself failed, since
   * whether it landed is then unknown, and a needless drop costs one re-read.
   */
  ended(committed: boolean): void {
    if (committed && this.dirty) this.broadcast.changed();
    this.inTransaction = false;
    this.dirty = false;
  }

  /** A write to a notified table ran: on its own it has committed, so it is reported now; else with its transaction. */
  private wrote(): void {
    if (this.inTransaction) this.dirty = true;
    else this.broadcast.changed();
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

/** `dialect` with every committed write to a notified table reported on `broadcast` (as a change of any tenant). */
export function trackingChanges(dialect: Dialect, broadcast: ChangeBroadcast): Dialect {
  return {
    createDriver: () => new TrackingDriver(dialect.createDriver(), broadcast),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
