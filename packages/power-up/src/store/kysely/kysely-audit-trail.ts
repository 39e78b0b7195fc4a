import type { Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { AuditEntry, AuditTrail, NewAuditEntry, Page } from '../store.js';
import type { Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { decodeCursor, encodeCursor, pageSize } from './paging.js';
import { auditRowSchema } from './rows.js';
import type { Scope } from './scope.js';

/** Writes one audit entry; the repositories call this inside the transaction of the change it records. */
export async function appendAudit(db: Kysely<Database>, tenantId: string, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = await forKnownTenant(tenantId, () =>
    db
      .insertInto('audit_entries')
      .values({
        tenant_id: tenantId,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        entity_type: entry.entity.type,
        entity_id: entry.entity.id,
        details: JSON.stringify(entry.details ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return auditRowSchema.parse(row);
}

export class KyselyAuditTrail implements AuditTrail {
  constructor(private readonly scope: Scope) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    return appendAudit(this.scope.db, this.scope.tenantId, entry);
  }

  async list(options: Parameters<AuditTrail['list']>[0] = {}): Promise<Page<AuditEntry>> {
    const limit = pageSize(options.limit);
    const before = decodeCursor(options.cursor);
    if (before !== undefined && !/^\d+$/.test(before)) {
      throw new PowerUpError(
        'invalid-input',
        "is not a cursor this list handed out: pass a page's nextCursor unchanged.",
        {
          path: ['cursor'],
        },
      );
    }
    let query = this.scope.db.selectFrom('audit_entries').selectAll().where('tenant_id', '=', this.scope.tenantId);
    if (options.entity !== undefined) {
      query = query.where('entity_type', '=', options.entity.type);
      if (options.entity.id !== undefined) query = query.where('entity_id', '=', options.entity.id);
    }
    if (before !== undefined) query = query.where('id', '<', before as never);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((row) => auditRowSchema.parse(row));
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }
}
