import { PowerUpError } from '../../power-up-error.js';
import type { ChangeMeta, TenantSettings, TenantSettingsRepository } from '../store.js';
import { appendAudit } from './kysely-audit-trail.js';
import { tenantSettingsSchema } from './rows.js';
import { atomically, type Scope } from './scope.js';

const unknownTenant = (tenantId: string) =>
  new PowerUpError('unknown-tenant', `there is no tenant '${tenantId}': install the tenant first.`, {
    path: ['tenantId'],
  });

/** The settings column of the tenant's row, read and replaced whole. */
export class KyselyTenantSettings implements TenantSettingsRepository {
  constructor(private readonly scope: Scope) {}

  async get(): Promise<TenantSettings> {
    const row = await this.scope.db
      .selectFrom('tenants')
      .select('settings')
      .where('id', '=', this.scope.tenantId)
      .executeTakeFirst();
    if (row === undefined) throw unknownTenant(this.scope.tenantId);
    return tenantSettingsSchema.parse(row.settings);
  }

  async put(settings: Partial<TenantSettings>, meta: ChangeMeta): Promise<TenantSettings> {
    const parsed = tenantSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PowerUpError('invalid-input', `${issue.message}.`, { path: issue.path.map(String) });
    }
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      const updated = await db
        .updateTable('tenants')
        .set({ settings: JSON.stringify(parsed.data) })
        .where('id', '=', tenantId)
        .returning('settings')
        .executeTakeFirst();
      if (updated === undefined) throw unknownTenant(tenantId);
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'tenant.settings-updated',
        entity: { type: 'tenant', id: tenantId },
        details: { settings: parsed.data },
      });
      return tenantSettingsSchema.parse(updated.settings);
    });
  }
}
