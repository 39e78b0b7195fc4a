import type { Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { ApiKeyOwner, ChangeMeta, NewTenant, Tenant, TenantAdmin } from '../store.js';
import type { Database } from './database.js';
import { checkKeyHash } from './kysely-api-keys.js';
import { appendAudit } from './kysely-audit-trail.js';
import { tenantRowSchema, tenantSettingsSchema } from './rows.js';
import { atomically } from './scope.js';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class KyselyTenantAdmin implements TenantAdmin {
  constructor(private readonly db: Kysely<Database>) {}

  async create(tenant: NewTenant, meta: ChangeMeta): Promise<Tenant> {
    if (!TENANT_ID.test(tenant.id)) {
      throw new PowerUpError(
        'invalid-input',
        'use 1–128 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
        {
          path: ['id'],
        },
      );
    }
    const settings = tenantSettingsSchema.parse(tenant.settings ?? {});
    return atomically(this.db, async (db) => {
      const row = await db
        .insertInto('tenants')
        .values({ id: tenant.id, name: tenant.name, settings: JSON.stringify(settings), created_at: meta.at })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) {
        throw new PowerUpError(
          'already-exists',
          `a tenant '${tenant.id}' is already installed: use it, or pick another id.`,
          {
            path: ['id'],
          },
        );
      }
      await appendAudit(db, tenant.id, {
        ...meta,
        action: 'tenant.created',
        entity: { type: 'tenant', id: tenant.id },
      });
      return tenantRowSchema.parse(row);
    });
  }

  async get(tenantId: string): Promise<Tenant | undefined> {
    const row = await this.db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
    return row === undefined ? undefined : tenantRowSchema.parse(row);
  }

  async list(): Promise<Tenant[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('id').execute();
    return rows.map((row) => tenantRowSchema.parse(row));
  }

  async findApiKeyByHash(keyHash: string): Promise<ApiKeyOwner | undefined> {
    checkKeyHash(keyHash);
    const row = await this.db
      .selectFrom('api_keys')
      .select(['tenant_id', 'id', 'name'])
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? undefined : { tenantId: row.tenant_id, keyId: row.id, name: row.name };
  }
}
