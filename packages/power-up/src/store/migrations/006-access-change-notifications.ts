import { sql, type Kysely, type Migration } from 'kysely';
import { CHANGES_CHANNEL } from './005-change-notifications.js';

/** The channel a change of who may call as a tenant goes out on too; its payload is the tenant's id. */
export const ACCESS_CHANGES_CHANNEL = 'contractbeheer_access_changes';

/**
 * The tables an API key's holder is read from (`findApiKeyHolder`), each with the column naming its tenant, the
 * function its trigger calls from this migration on, and the one of migration 005 it called before.
 */
const ACCESS_TRIGGERS = [
  {
    table: 'tenants',
    column: 'id',
    fn: 'contractbeheer_notify_tenant_access_change',
    before: 'contractbeheer_notify_tenant_change',
  },
  {
    table: 'api_keys',
    column: 'tenant_id',
    fn: 'contractbeheer_notify_access_change',
    before: 'contractbeheer_notify_change',
  },
] as const;

/**
 * A change to these tables is an `access` change, which drops the tenant's cached key holders as well as its other
 * reads. A change to the other notified tables leaves the key holders alone, so a contract written does not send the
 * next request of every caller of the tenant to the database for its key.
 */
export const ACCESS_NOTIFIED_TABLES = ACCESS_TRIGGERS.map(({ table }) => table);

/** Makes `table`'s change trigger (migration 005's name) call `fn`. */
async function pointTrigger(db: Kysely<unknown>, table: string, fn: string): Promise<void> {
  await sql`drop trigger ${sql.id(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
  await sql`create trigger ${sql.id(`${table}_notify_change`)}
    after insert or update or delete on ${sql.table(table)}
    for each row execute function ${sql.id(fn)}()`.execute(db);
}

/**
 * Access changes: the triggers on `tenants` and `api_keys` notify `contractbeheer_access_changes` besides
 * `contractbeheer_changes`. Still both: an instance that has not been upgraded yet listens on the first channel only,
 * and must go on dropping a revoked key's holder.
 */
export const accessChangeNotifications: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const { table, column, fn } of ACCESS_TRIGGERS) {
      await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as $$
        declare
          tenant text := case when tg_op = 'DELETE' then old.${sql.id(column)} else new.${sql.id(column)} end;
        begin
          perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, tenant);
          perform pg_notify(${sql.lit(ACCESS_CHANGES_CHANNEL)}, tenant);
          return null;
        end
      $$`.execute(db);
      await pointTrigger(db, table, fn);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const { table, fn, before } of ACCESS_TRIGGERS) {
      await pointTrigger(db, table, before);
      await sql`drop function ${sql.id(fn)}()`.execute(db);
    }
  },
};
