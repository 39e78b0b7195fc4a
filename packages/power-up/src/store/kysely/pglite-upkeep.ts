import { sql, type Kysely } from 'kysely';

/*
 * PGlite runs PostgreSQL as one backend in this process: there is no autovacuum daemon, and it keeps no counts of
 * changed rows either. Without ANALYZE, a plan that PostgreSQL keeps is never made again — the foreign-key checks
 * against `contracts` (from versions, object links and the due index) were planned once, while the table was empty,
 * as a scan of it, and every contract created afterwards scanned them all: 0.9 ms per create at 1,000 contracts,
 * 3 ms at 10,000. ANALYZE records a table's size, and that drops the plans made on it.
 *
 * So the store does autovacuum's part itself, with its rule by size since no counts are kept: a table of ours grown by
 * a tenth (and by 8 pages) since its size was last recorded is vacuumed and analyzed. VACUUM as well, because growth
 * from updates is dead rows; once their space is reused, the table stops growing and is left alone.
 */

/** How often the store looks for grown tables; the look is one catalog query. */
const UPKEEP_EVERY_MS = 5_000;

/** Vacuums and analyzes every table of ours that has grown since its size was last recorded; returns their names. */
export async function upkeepGrownTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(c.relpages, 0) * 1.1 + 8
    order by c.relname`.execute(db);
  for (const { name } of rows) await sql`vacuum analyze ${sql.table(name)}`.execute(db);
  return rows.map(({ name }) => name);
}

export type Upkeep = { stop(): Promise<void> };

/**
 * Runs `upkeepGrownTables` every `everyMs` until stopped (a run in progress finishes first). Each statement waits for
 * the connection like any query, so no transaction is cut into. A failed run is reported as a process warning and
 * tried again at the next turn: the data is safe either way, only the plans may stay slow.
 */
export function startUpkeep<DB>(db: Kysely<DB>, everyMs: number = UPKEEP_EVERY_MS): Upkeep {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = upkeepGrownTables(db)
      .then(
        () => undefined,
        (error: unknown) =>
          process.emitWarning(`PGlite upkeep (VACUUM ANALYZE) failed: ${String(error)}`, {
            code: 'CONTRACTBEHEER_PGLITE_UPKEEP',
          }),
      )
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
