import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The generation ledger (one row per occurrence key, written before the host is called) and the due index (one
 * entry per contract: when generation must next look at it, and which worker holds it leased).
 *
 * The ledger has no foreign key to contracts: its rows are the record of work orders that exist on the host, and a
 * contract deleted and created again under the same id must still find them (the work-order number derives from the
 * key). The due index does reference its contract: a deleted contract leaves the index with it.
 */
export const generationLedger: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('generation_ledger')
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('contract_id', 'text', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('work_order_number', 'text', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('last_attempt_at', 'timestamptz')
      .addColumn('skip_reason', 'text')
      .addColumn('last_error', 'text')
      .addColumn('plan', 'jsonb')
      .addColumn('host_id', 'text')
      .addColumn('target_date', 'date', (col) => col.notNull())
      .addColumn('creation_date', 'date')
      .addColumn('late', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('host_status', 'text')
      .addColumn('deleted_on_host_at', 'timestamptz')
      .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('generation_ledger_pk', ['tenant_id', 'key'])
      // The number is derived from the key; unique so a host event can never match two occurrences.
      .addUniqueConstraint('generation_ledger_number_unique', ['tenant_id', 'work_order_number'])
      .execute();
    const states = sql`state in ('pending', 'created', 'skipped', 'failed')`;
    await sql`alter table generation_ledger add constraint generation_ledger_state_check check (${states})`.execute(db);
    await db.schema
      .createIndex('generation_ledger_contract_idx')
      .on('generation_ledger')
      .columns(['tenant_id', 'contract_id', 'target_date'])
      .execute();

    await db.schema
      .createTable('due_index')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('contract_id', 'text', (col) => col.notNull())
      // `null`: nothing to generate until the contract is written again.
      .addColumn('due_at', 'timestamptz')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('lease_owner', 'text')
      // Bumped by every contract write, so a worker releasing its lease can tell the contract changed meanwhile.
      .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('due_index_pk', ['tenant_id', 'contract_id'])
      .addForeignKeyConstraint(
        'due_index_contract_fk',
        ['tenant_id', 'contract_id'],
        'contracts',
        ['tenant_id', 'id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema.createIndex('due_index_due_idx').on('due_index').column('due_at').execute();
  },
};
