import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The install lifecycle: a tenant's install state and host base URL, its credentials sealed by the vault (one row
 * per tenant, never plaintext), and the signed marketplace requests already used, so a captured request cannot be
 * replayed. Tenants from 001 count as installed.
 */
export const installLifecycle: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('tenants')
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('installed'))
      .execute();
    await db.schema.alterTable('tenants').addColumn('host_base_url', 'text').execute();
    await db.schema.alterTable('tenants').addColumn('uninstalled_at', 'timestamptz').execute();
    const statuses = sql`status in ('installed', 'uninstalled')`;
    await sql`alter table tenants add constraint tenants_status_check check (${statuses})`.execute(db);

    // Base64 text rather than bytea: both drivers hand text back alike (bytea comes back as Buffer or Uint8Array).
    await db.schema
      .createTable('tenant_credentials')
      .addColumn('tenant_id', 'text', (col) => col.primaryKey().references('tenants.id').onDelete('cascade'))
      .addColumn('key_id', 'text', (col) => col.notNull())
      .addColumn('iv', 'text', (col) => col.notNull())
      .addColumn('auth_tag', 'text', (col) => col.notNull())
      .addColumn('ciphertext', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('tenant_credentials_key_idx').on('tenant_credentials').column('key_id').execute();

    // Not tenant-scoped: a request is recorded before its tenant is known to exist (an install creates it).
    await db.schema
      .createTable('marketplace_requests')
      .addColumn('request_id', 'text', (col) => col.primaryKey())
      .addColumn('received_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('marketplace_requests_received_idx')
      .on('marketplace_requests')
      .column('received_at')
      .execute();
  },
};
