import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Events in and what they leave behind: the inbox of host events (webhooks and the poller's findings alike), stored
 * before they are acknowledged and processed later with retries and a dead-letter state; the cost lines a completed
 * work order brings to its contract's budget; and the objects the host deleted, which flag every contract linked to
 * them. Independent of the generation ledger (003): nothing here references it.
 */
export const inboundEvents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const tenantId = (table: string) =>
      db.schema
        .createTable(table)
        .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'));

    // The event id is the sender's: unique per tenant, so a delivery repeated (or polled twice) is stored once.
    await tenantId('inbound_events')
      .addColumn('event_id', 'text', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('payload', 'jsonb', (col) => col.notNull())
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('received_at', 'timestamptz', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull().defaultTo('received'))
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull())
      .addColumn('last_error', 'text')
      .addColumn('processed_at', 'timestamptz')
      .addPrimaryKeyConstraint('inbound_events_pk', ['tenant_id', 'event_id'])
      .execute();
    await sql`alter table inbound_events add constraint inbound_events_state_check
      check (state in ('received', 'processed', 'dead'))`.execute(db);
    await sql`alter table inbound_events add constraint inbound_events_source_check
      check (source in ('webhook', 'poller'))`.execute(db);
    // What the processor asks on every pass, across tenants: the received events that are due, oldest first. A
    // partial index stays as small as the backlog, however many processed events the table keeps.
    await sql`create index inbound_events_due_idx on inbound_events (next_attempt_at)
      where state = 'received'`.execute(db);
    await db.schema
      .createIndex('inbound_events_state_idx')
      .on('inbound_events')
      .columns(['tenant_id', 'state', 'received_at'])
      .execute();

    // No foreign key to contracts: actual costs are history, and a budget report may outlive an edit of the link.
    await tenantId('cost_lines')
      .addColumn('source_line_id', 'text', (col) => col.notNull())
      .addColumn('contract_id', 'text', (col) => col.notNull())
      .addColumn('work_order_number', 'text', (col) => col.notNull())
      .addColumn('host_row_id', 'bigint')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('date', 'date', (col) => col.notNull())
      // Minutes for hours, the material's quantity for materials: exact decimal text, never a float.
      .addColumn('quantity', 'text', (col) => col.notNull())
      .addColumn('hour_type_code', 'text')
      .addColumn('material_code', 'text')
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('unit', 'text', (col) => col.notNull())
      .addColumn('unit_price_cents', 'bigint', (col) => col.notNull())
      .addColumn('amount_cents', 'bigint', (col) => col.notNull())
      .addColumn('currency', 'text', (col) => col.notNull())
      .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('cost_lines_pk', ['tenant_id', 'source_line_id'])
      .execute();
    await sql`alter table cost_lines add constraint cost_lines_kind_check
      check (kind in ('hours', 'material'))`.execute(db);
    await db.schema
      .createIndex('cost_lines_contract_idx')
      .on('cost_lines')
      .columns(['tenant_id', 'contract_id', 'date'])
      .execute();
    await db.schema
      .createIndex('cost_lines_work_order_idx')
      .on('cost_lines')
      .columns(['tenant_id', 'work_order_number'])
      .execute();

    // A flag on the object, not a column of object_links: a contract edit rewrites its links, and the host's word
    // that an object is gone must survive that. A link is flagged while its object is listed here.
    await tenantId('deleted_objects')
      .addColumn('object_code', 'text', (col) => col.notNull())
      .addColumn('deleted_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('deleted_objects_pk', ['tenant_id', 'object_code'])
      .execute();
  },
};
