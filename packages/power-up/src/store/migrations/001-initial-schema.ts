import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tenants, contracts with their versions and object links, settings (terms, SLA policies, cancellation reasons),
 * terminations, API keys and the audit trail. Every tenant table leads with `tenant_id` in its key and references
 * `tenants`, so a row cannot exist outside a tenant and every index serves tenant-scoped queries.
 */
export const initialSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const tenantId = (table: string) =>
      db.schema
        .createTable(table)
        .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'));

    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('settings', 'jsonb', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();

    await tenantId('contracts')
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('document', 'jsonb', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('debtor_number', 'text', (col) => col.notNull())
      .addColumn('terms_code', 'text')
      .addColumn('sla_policy_code', 'text')
      .addColumn('start_date', 'date', (col) => col.notNull())
      .addColumn('end_date', 'date')
      .addColumn('termination_date', 'date')
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('contracts_pk', ['tenant_id', 'id'])
      .execute();
    for (const column of ['debtor_number', 'terms_code', 'sla_policy_code', 'type', 'start_date'] as const) {
      await db.schema.createIndex(`contracts_${column}_idx`).on('contracts').columns(['tenant_id', column]).execute();
    }

    await tenantId('contract_versions')
      .addColumn('contract_id', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('document', 'jsonb', (col) => col.notNull())
      .addColumn('effective_from', 'timestamptz', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('contract_versions_pk', ['tenant_id', 'contract_id', 'version'])
      .addForeignKeyConstraint(
        'contract_versions_contract_fk',
        ['tenant_id', 'contract_id'],
        'contracts',
        ['tenant_id', 'id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();

    await tenantId('object_links')
      .addColumn('contract_id', 'text', (col) => col.notNull())
      .addColumn('object_code', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('object_links_pk', ['tenant_id', 'contract_id', 'object_code'])
      .addForeignKeyConstraint(
        'object_links_contract_fk',
        ['tenant_id', 'contract_id'],
        'contracts',
        ['tenant_id', 'id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('object_links_object_idx')
      .on('object_links')
      .columns(['tenant_id', 'object_code'])
      .execute();

    for (const table of ['contract_terms', 'sla_policies'] as const) {
      await tenantId(table)
        .addColumn('code', 'text', (col) => col.notNull())
        .addColumn('document', 'jsonb', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['tenant_id', 'code'])
        .execute();
    }

    await tenantId('cancellation_reasons')
      .addColumn('code', 'text', (col) => col.notNull())
      .addColumn('label', 'text', (col) => col.notNull())
      .addColumn('archived', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('cancellation_reasons_pk', ['tenant_id', 'code'])
      .execute();

    // No foreign key to contracts: a termination is history and reports on it outlive a deleted contract.
    await tenantId('terminations')
      .addColumn('contract_id', 'text', (col) => col.notNull())
      .addColumn('date', 'date', (col) => col.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('reason_label', 'text')
      .addColumn('remark', 'text')
      .addColumn('lost_value_cents', 'bigint', (col) => col.notNull())
      .addColumn('currency', 'text', (col) => col.notNull())
      .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('terminations_pk', ['tenant_id', 'contract_id'])
      .execute();
    await db.schema.createIndex('terminations_date_idx').on('terminations').columns(['tenant_id', 'date']).execute();
    await db.schema
      .createIndex('terminations_reason_idx')
      .on('terminations')
      .columns(['tenant_id', 'reason_code'])
      .execute();

    await tenantId('api_keys')
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('hint', 'text', (col) => col.notNull())
      // Unique across tenants: a hash resolves to exactly one tenant.
      .addColumn('key_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addPrimaryKeyConstraint('api_keys_pk', ['tenant_id', 'id'])
      .execute();

    await tenantId('audit_entries')
      .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('at', 'timestamptz', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('entity_type', 'text', (col) => col.notNull())
      .addColumn('entity_id', 'text', (col) => col.notNull())
      .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await db.schema
      .createIndex('audit_entries_entity_idx')
      .on('audit_entries')
      .columns(['tenant_id', 'entity_type', 'entity_id', 'id'])
      .execute();
    await db.schema.createIndex('audit_entries_tenant_idx').on('audit_entries').columns(['tenant_id', 'id']).execute();
  },
};
