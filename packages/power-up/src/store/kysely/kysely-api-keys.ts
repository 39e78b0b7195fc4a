import { sql } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { ApiKey, ApiKeyRepository, ChangeMeta } from '../store.js';
import { forKnownTenant } from './database-errors.js';
import { appendAudit } from './kysely-audit-trail.js';
import { apiKeyRowSchema } from './rows.js';
import { atomically, type Scope } from './scope.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything but a SHA-256 hex digest, so a key itself can never be stored by mistake. */
export function checkKeyHash(keyHash: string): void {
  if (!SHA256_HEX.test(keyHash)) {
    throw new PowerUpError(
      'invalid-input',
      'pass the SHA-256 hash of the key (64 lowercase hex characters), never the key itself.',
      {
        path: ['keyHash'],
      },
    );
  }
}

const listed = ['id', 'name', 'hint', 'created_at', 'revoked_at'] as const;

export class KyselyApiKeys implements ApiKeyRepository {
  constructor(private readonly scope: Scope) {}

  async create(key: { id: string; name: string; hint: string; keyHash: string }, meta: ChangeMeta): Promise<ApiKey> {
    checkKeyHash(key.keyHash);
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      const row = await forKnownTenant(tenantId, () =>
        db
          .insertInto('api_keys')
          .values({
            tenant_id: tenantId,
            id: key.id,
            name: key.name,
            hint: key.hint,
            key_hash: key.keyHash,
            created_at: meta.at,
          })
          .onConflict((conflict) => conflict.doNothing())
          .returning(listed)
          .executeTakeFirst(),
      );
      if (row === undefined) {
        throw new PowerUpError(
          'already-exists',
          `an API key '${key.id}' (or one with the same hash) exists: generate a new key.`,
          {
            path: ['id'],
          },
        );
      }
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'api-key.created',
        entity: { type: 'api-key', id: key.id },
        details: { name: key.name },
      });
      return apiKeyRowSchema.parse(row);
    });
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.scope.db
      .selectFrom('api_keys')
      .select(listed)
      .where('tenant_id', '=', this.scope.tenantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => apiKeyRowSchema.parse(row));
  }

  async revoke(keyId: string, meta: ChangeMeta): Promise<ApiKey> {
    return atomically(this.scope.db, async (db) => {
      const row = await db
        .updateTable('api_keys')
        .set({ revoked_at: sql<string>`coalesce(revoked_at, ${meta.at}::timestamptz)` })
        .where('tenant_id', '=', this.scope.tenantId)
        .where('id', '=', keyId)
        .returning(listed)
        .executeTakeFirst();
      if (row === undefined) {
        throw new PowerUpError('not-found', `there is no API key '${keyId}': check the id.`, { path: ['id'] });
      }
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: 'api-key.revoked',
        entity: { type: 'api-key', id: keyId },
      });
      return apiKeyRowSchema.parse(row);
    });
  }

  async revokeAll(meta: ChangeMeta): Promise<number> {
    return atomically(this.scope.db, async (db) => {
      const rows = await db
        .updateTable('api_keys')
        .set({ revoked_at: meta.at })
        .where('tenant_id', '=', this.scope.tenantId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      for (const row of rows) {
        await appendAudit(db, this.scope.tenantId, {
          ...meta,
          action: 'api-key.revoked',
          entity: { type: 'api-key', id: row.id },
        });
      }
      return rows.length;
    });
  }
}
