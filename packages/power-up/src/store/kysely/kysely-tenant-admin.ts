import { sql, type Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { ApiKeyHolder, ApiKeyOwner, ChangeMeta, InstallState, NewTenant, Tenant, TenantAdmin } from '../store.js';
import type { Database } from './database.js';
import { compiledStatement, type SlotOf } from './compiled-statement.js';
import { checkKeyHash } from './kysely-api-keys.js';
import { appendAudit } from './kysely-audit-trail.js';
import { tenantRowSchema, tenantSettingsSchema } from './rows.js';
import { atomically } from './scope.js';
import { storedContractOf } from './stored-contracts.js';
import { readStoredTenant, type TenantRowText } from './stored-tenants.js';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The live key with that hash and its tenant: the first statement of every authenticated request. */
function apiKeyHolderQuery(db: Kysely<Database>, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
    .select([
      'tenants.id',
      'tenants.name',
      // As text: the parsed tenant is remembered by it (see `stored-tenants.ts`).
      sql<string>`tenants.settings::text`.as('settings_text'),
      'tenants.created_at',
      'tenants.status',
      'tenants.host_base_url',
      'tenants.uninstalled_at',
      'api_keys.id as key_id',
      'api_keys.name as key_name',
    ])
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null);
}

const apiKeyHolder = compiledStatement((db, slot: SlotOf<{ keyHash: string }>) =>
  apiKeyHolderQuery(db, slot('keyHash')),
);

/** The same, and one contract of the key's tenant along with it (a left join: the key holds without the contract). */
const apiKeyHolderWithContract = compiledStatement((db, slot: SlotOf<{ keyHash: string; contractId: string }>) =>
  apiKeyHolderQuery(db, slot('keyHash'))
    // The contract joins on the key's own tenant: a key can only ever read along its tenant's contract.
    .leftJoin('contracts', (join) =>
      join.onRef('contracts.tenant_id', '=', 'api_keys.tenant_id').on('contracts.id', '=', slot('contractId')),
    )
    .select([
      sql<string | null>`contracts.document::text`.as('contract_document'),
      'contracts.created_at as contract_created_at',
      'contracts.updated_at as contract_updated_at',
    ]),
);

function holderOf(row: { key_id: string; key_name: string } & TenantRowText): ApiKeyHolder {
  const { key_id, key_name, ...tenant } = row;
  return { keyId: key_id, name: key_name, tenant: readStoredTenant(tenant) };
}

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
        .values({
          id: tenant.id,
          name: tenant.name,
          settings: JSON.stringify(settings),
          created_at: meta.at,
          host_base_url: tenant.hostBaseUrl ?? null,
        })
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

  async findApiKeyHolder(keyHash: string, readAlong?: { contractId: string }): Promise<ApiKeyHolder | undefined> {
    checkKeyHash(keyHash);
    if (readAlong === undefined) {
      const { rows } = await apiKeyHolder(this.db, { keyHash });
      return rows[0] === undefined ? undefined : holderOf(rows[0]);
    }
    const { rows } = await apiKeyHolderWithContract(this.db, { keyHash, contractId: readAlong.contractId });
    const row = rows[0];
    if (row === undefined) return undefined;
    const { contract_document, contract_created_at, contract_updated_at, ...holderRow } = row;
    const contract =
      contract_document === null
        ? undefined
        : storedContractOf({
            document: contract_document,
            created_at: contract_created_at,
            updated_at: contract_updated_at,
          });
    return { ...holderOf(holderRow), readAlong: { contractId: readAlong.contractId, contract } };
  }

  async setInstallState(tenantId: string, state: InstallState, meta: ChangeMeta): Promise<Tenant> {
    return atomically(this.db, async (db) => {
      const update =
        state.status === 'installed'
          ? db.updateTable('tenants').set({
              status: 'installed',
              host_base_url: state.hostBaseUrl,
              uninstalled_at: null,
              ...(state.name === undefined ? {} : { name: state.name }),
            })
          : db
              .updateTable('tenants')
              // The first uninstall starts the retention clock; a repeated one must not restart it.
              .set({
                status: 'uninstalled',
                uninstalled_at: sql<string>`coalesce(uninstalled_at, ${meta.at}::timestamptz)`,
              });
      const row = await update.where('id', '=', tenantId).returningAll().executeTakeFirst();
      if (row === undefined) {
        throw new PowerUpError('not-found', `there is no tenant '${tenantId}': check the tenant id.`, {
          path: ['tenantId'],
        });
      }
      await appendAudit(db, tenantId, {
        ...meta,
        action: state.status === 'installed' ? 'tenant.installed' : 'tenant.uninstalled',
        entity: { type: 'tenant', id: tenantId },
      });
      return tenantRowSchema.parse(row);
    });
  }

  async claimRequest(requestId: string, at: string): Promise<boolean> {
    const row = await this.db
      .insertInto('marketplace_requests')
      .values({ request_id: requestId, received_at: at })
      .onConflict((conflict) => conflict.column('request_id').doNothing())
      .returning('request_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async forgetRequestsBefore(at: string): Promise<number> {
    const rows = await this.db
      .deleteFrom('marketplace_requests')
      .where('received_at', '<', at as never)
      .returning('request_id')
      .execute();
    return rows.length;
  }

  async purge(tenantId: string): Promise<boolean> {
    // Every tenant table references tenants with on delete cascade: one delete takes all of the tenant's rows.
    const row = await this.db.deleteFrom('tenants').where('id', '=', tenantId).returning('id').executeTakeFirst();
    return row !== undefined;
  }
}
