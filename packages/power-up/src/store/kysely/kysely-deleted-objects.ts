import type { DeletedObjectRepository } from '../inbound-events.js';
import { forKnownTenant } from './database-errors.js';
import type { Scope } from './scope.js';

export class KyselyDeletedObjects implements DeletedObjectRepository {
  constructor(private readonly scope: Scope) {}

  async flag(objectCode: string, at: string): Promise<string[]> {
    const { tenantId, db } = this.scope;
    await forKnownTenant(tenantId, () =>
      db
        .insertInto('deleted_objects')
        .values({ tenant_id: tenantId, object_code: objectCode, deleted_at: at })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'object_code']).doNothing())
        .execute(),
    );
    const links = await db
      .selectFrom('object_links')
      .select('contract_id')
      .where('tenant_id', '=', tenantId)
      .where('object_code', '=', objectCode)
      .orderBy('contract_id')
      .execute();
    return links.map((link) => link.contract_id);
  }

  async flaggedForContract(contractId: string): Promise<string[]> {
    const { tenantId, db } = this.scope;
    const rows = await db
      .selectFrom('object_links')
      .innerJoin('deleted_objects', (join) =>
        join
          .onRef('deleted_objects.tenant_id', '=', 'object_links.tenant_id')
          .onRef('deleted_objects.object_code', '=', 'object_links.object_code'),
      )
      .select('object_links.object_code')
      .where('object_links.tenant_id', '=', tenantId)
      .where('object_links.contract_id', '=', contractId)
      .orderBy('object_links.object_code')
      .execute();
    return rows.map((row) => row.object_code);
  }
}
