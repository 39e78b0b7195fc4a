import type { ChangeMeta, CredentialRepository, SealedSecret, StoredCredentials } from '../store.js';
import { forKnownTenant } from './database-errors.js';
import { appendAudit } from './kysely-audit-trail.js';
import { credentialsRowSchema } from './rows.js';
import { atomically, type Scope } from './scope.js';

const columns = ['key_id', 'iv', 'auth_tag', 'ciphertext', 'updated_at'] as const;

export class KyselyCredentials implements CredentialRepository {
  constructor(private readonly scope: Scope) {}

  async get(): Promise<StoredCredentials | undefined> {
    const row = await this.scope.db
      .selectFrom('tenant_credentials')
      .select(columns)
      .where('tenant_id', '=', this.scope.tenantId)
      .executeTakeFirst();
    return row === undefined ? undefined : credentialsRowSchema.parse(row);
  }

  async put(sealed: SealedSecret, meta: ChangeMeta): Promise<StoredCredentials> {
    const { tenantId } = this.scope;
    const values = {
      key_id: sealed.keyId,
      iv: sealed.iv,
      auth_tag: sealed.authTag,
      ciphertext: sealed.ciphertext,
      updated_at: meta.at,
    };
    return atomically(this.scope.db, async (db) => {
      const row = await forKnownTenant(tenantId, () =>
        db
          .insertInto('tenant_credentials')
          .values({ tenant_id: tenantId, ...values })
          .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet(values))
          .returning(columns)
          .executeTakeFirstOrThrow(),
      );
      // The key id only: the audit trail must never hold anything that helps open the credentials.
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'credentials.stored',
        entity: { type: 'credentials', id: tenantId },
        details: { keyId: sealed.keyId },
      });
      return credentialsRowSchema.parse(row);
    });
  }

  async delete(meta: ChangeMeta): Promise<boolean> {
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      const deleted = await db
        .deleteFrom('tenant_credentials')
        .where('tenant_id', '=', tenantId)
        .returning('tenant_id')
        .executeTakeFirst();
      if (deleted === undefined) return false;
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'credentials.removed',
        entity: { type: 'credentials', id: tenantId },
      });
      return true;
    });
  }
}
