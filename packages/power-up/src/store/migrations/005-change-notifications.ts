import { sql, type Kysely, type Migration } from 'kysely';

/** The channel every instance LISTENs on; a notification's payload is the id of the tenant whose rows changed. */
export const CHANGES_CHANNEL = 'contractbeheer_changes';

/**
 * The tables the API's read cache keeps rows of (`read-cache/`): a committed change to any of them drops that
 * tenant's cached reads on every instance. Fixed with this migration: a later cache that reads another table adds its
 * trigger in a migration of its own.
 */
export const CHANGE_NOTIFIED_TABLES = ['tenants', 'api_keys', 'contracts', 'object_links', 'contract_terms'] as const;

/**
 * Change notifications: an AFTER trigger on each cached table sends the row's tenant id on `contractbeheer_changes`.
 * PostgreSQL delivers a notification only when its transaction commits (a rollback sends nothing) and folds repeats of
 * one payload within a transaction into one, so a bulk import of one tenant notifies once.
 */
export const changeNotifications: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Two functions because the tenant's id is `id` on `tenants` and `tenant_id` elsewhere; naming the column in
    // the function keeps the row from being converted to find it.
    for (const [fn, column] of [
      ['contractbeheer_notify_tenant_change', 'id'],
      ['contractbeheer_notify_change', 'tenant_id'],
    ] as const) {
      await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, old.${sql.id(column)});
          else
            perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, new.${sql.id(column)});
          end if;
          return null;
        end
      $$`.execute(db);
    }
    for (const table of CHANGE_NOTIFIED_TABLES) {
      const fn = table === 'tenants' ? 'contractbeheer_notify_tenant_change' : 'contractbeheer_notify_change';
      await sql`create trigger ${sql.id(`${table}_notify_change`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function ${sql.id(fn)}()`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of CHANGE_NOTIFIED_TABLES) {
      await sql`drop trigger if exists ${sql.id(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists contractbeheer_notify_change()`.execute(db);
    await sql`drop function if exists contractbeheer_notify_tenant_change()`.execute(db);
  },
};
