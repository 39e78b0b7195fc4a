import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/*
 * Server-side prepared statements for the PostgreSQL store. Kysely sends every statement unnamed, so the server
 * parses and plans the same few SQL texts again for every request; on this project's machines the database shares
 * two cores with the service, so that work is the service's own throughput. pg prepares a statement once per
 * connection when the query carries a `name`, and from then on sends only Bind/Execute: this pool hands Kysely
 * clients that name each parameterised statement after a hash of its text (the same text is the same statement; a
 * different text can never reuse a name).
 *
 * Batch statements joined to `unnest` of array parameters are the exception: they run unnamed, planned for each
 * execution. A named statement's plan is made once, often while its table is still small (a tenant's first run starts
 * with an empty generation ledger), and a plan that fits a small table — every row of the tenant, the keys checked
 * one by one — was kept as the ledger grew: 3.6 ms per group-commit write at 8,000 rows instead of 0.04 ms, and
 * rising with every row. Planning such a write afresh costs a fraction of a millisecond and follows the table.
 *
 * Bounds and failure: a connection keeps at most MAX_PER_CONNECTION statements (texts past that run unnamed, so a
 * query whose text varies — an IN list of any length — cannot grow the server's memory without end). A prepared
 * statement whose result columns change under it (a migration by a newer instance adds a column to a `select *`)
 * fails with "cached plan must not change result type": that connection is then discarded instead of returned to
 * the pool, so the next request prepares afresh on a new one. Named statements live on a server connection: behind a
 * pooler in transaction mode (PgBouncer before 1.21, or without `max_prepared_statements`) they would not work.
 */

const MAX_PER_CONNECTION = 200;
/** feature_not_supported: what the server answers when a prepared statement's result type changed. */
const CACHED_PLAN_CHANGED = '0A000';
/** Remembered names of recent texts, so a hot statement is hashed once, not on every execution. */
const MAX_REMEMBERED_NAMES = 1_000;

const nameByText = new Map<string, string>();

function statementName(text: string): string {
  let name = nameByText.get(text);
  if (name === undefined) {
    name = `kysely_${createHash('sha1').update(text).digest('base64url')}`;
    if (nameByText.size >= MAX_REMEMBERED_NAMES) nameByText.delete(nameByText.keys().next().value!);
    nameByText.set(text, name);
  }
  return name;
}

/** A batch statement, joined to `unnest` of its array parameters: planned at each execution (see above). */
const plannedEachTime = (text: string) => text.includes('unnest(');

type Preparing = { names: Set<string>; broken: boolean };

/** `pool` for Kysely's PostgresDialect, preparing the statements it runs (see above). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (wrapper === undefined) {
        wrapper = preparingClient(client, { names: new Set(), broken: false });
        // One wrapper per connection: Kysely keys its own per-connection state on the client object.
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function preparingClient(client: pg.PoolClient, state: Preparing): PostgresPoolClient {
  function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: readonly unknown[],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
    const values = [...(parameters ?? [])];
    // Statements without parameters (begin, commit, migrations' DDL) gain nothing from a plan kept for later; batch
    // statements must not keep one (see above).
    if (values.length === 0 || plannedEachTime(sqlOrCursor)) {
      return client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
    }
    const name = statementName(sqlOrCursor);
    if (!state.names.has(name)) {
      if (state.names.size >= MAX_PER_CONNECTION) {
        return client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
      }
      state.names.add(name);
    }
    return (client.query({ name, text: sqlOrCursor, values }) as unknown as Promise<PostgresQueryResult<R>>).catch(
      (error: unknown) => {
        if ((error as { code?: unknown }).code === CACHED_PLAN_CHANGED) state.broken = true;
        throw error;
      },
    );
  }
  return {
    query,
    release() {
      // A connection whose prepared statements went stale is closed (pg's release(true)), never handed out again.
      client.release(state.broken ? true : undefined);
    },
  };
}
