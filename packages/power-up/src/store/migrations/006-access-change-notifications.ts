import { sql, type Kysely, type Migration } from 'kysely';
import { CHANGES_CHANNEL } from './005-change-notifications.js';

/** The channel a change of who may call as a tenant goes out on too; its payload is the tenant's id. */
export const ACCESS_CHANGES_CHANNEL = 'contractbeheer_access_changes';

/**
 * The tables an API key's holder is read from (`findApiKeyHolder`): a change to them is an `access` change, which
 * drops the tenant's cached key holders as well as its other reads. A change to the other notified tables leaves the
 * key holders alone, so a contract written does not send the next request of every caller of the tenant to the
 * database for its key.
 */
export const ACCESS_NOTIFIED_TABLES = ['tenants', 'api_keys'] as const;

/**
 * Access changes: the triggers on `tenants` and `api_keys` notify `contractbeheer_access_changes` besides
 * `contractbeheer_changes`. Still both: an instance that has not been upgraded yet listens on the first channel only,
 * and must go on dropping a revoked key's holder.
 */
export const accessChangeNotifications: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const [fn, column] of [
      ['contractbeheer_notify_tenant_access_change', 'id'],
      ['contractbeheer_notify_access_change', 'tenant_id'],
    ] as const) {
      await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as $$
        declare
          tenant text := case when tg_op = 'DELETE' then old.${sql.id(column)} else new.${sql.id(column)} end;
        begin
          perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, tenant);
          perform pg_notify(${sql.lit(ACCESS_CHANGES_CHANNEL)}, tenant);
          return null;
        end
      $$`.execute(db);
    }
    for (const table of ACCESS_NOTIFIED_TABLES) {
      const fn =
        table === 'tenants' ? 'contractbeheer_notify_tenant_access_change' : 'contractbeheer_notify_access_change';
      await sql`drop trigger ${sql.id(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
      await sql`create trigger ${sql.id(`${table}_notify_change`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function ${sql.id(fn)}()`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ACCESS_NOTIFIED_TABLES) {
      const fn = table === 'tenants' ? 'contractbeheer_notify_tenant_change' : 'contractbeheer_notify_change';
      await sql`drop trigger ${sql.id(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
      await sql`create trigger ${sql.id(`${table}_notify_change`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function ${sql.id(fn)}()`.execute(db);
    }
    await sql`drop function contractbeheer_notify_access_change()`.execute(db);
    await sql`drop function contractbeheer_notify_tenant_access_change()`.execute(db);
  },
};
