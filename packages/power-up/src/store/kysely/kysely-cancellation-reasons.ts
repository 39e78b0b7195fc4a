import { cancellationReasonSchema, reasonDeletion, type CancellationReason } from '@contractbeheer/core';
import type { Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { CancellationReasonRepository, ChangeMeta } from '../store.js';
import type { Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { lockForDeletion } from './settings-locks.js';
import { appendAudit } from './kysely-audit-trail.js';
import { atomically, type Scope } from './scope.js';

const toReason = (row: { code: string; label: string; archived: boolean }): CancellationReason =>
  cancellationReasonSchema.parse({ code: row.code, label: row.label, archived: row.archived });

export class KyselyCancellationReasons implements CancellationReasonRepository {
  constructor(private readonly scope: Scope) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<CancellationReason[]> {
    let query = this.scope.db
      .selectFrom('cancellation_reasons')
      .select(['code', 'label', 'archived'])
      .where('tenant_id', '=', this.scope.tenantId);
    if (options.includeArchived !== true) query = query.where('archived', '=', false);
    return (await query.orderBy('code').execute()).map(toReason);
  }

  async get(code: string): Promise<CancellationReason | undefined> {
    return this.read(this.scope.db, code);
  }

  // Helpers take the connection to use: inside a transaction they must see (and wait for) its own writes.
  private async read(db: Kysely<Database>, code: string): Promise<CancellationReason | undefined> {
    const row = await db
      .selectFrom('cancellation_reasons')
      .select(['code', 'label', 'archived'])
      .where('tenant_id', '=', this.scope.tenantId)
      .where('code', '=', code)
      .executeTakeFirst();
    return row === undefined ? undefined : toReason(row);
  }

  async put(reason: CancellationReason, meta: ChangeMeta): Promise<CancellationReason> {
    const checked = cancellationReasonSchema.parse(reason);
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      const previous = await this.read(db, checked.code);
      await forKnownTenant(tenantId, () =>
        db
          .insertInto('cancellation_reasons')
          .values({
            tenant_id: tenantId,
            code: checked.code,
            label: checked.label,
            archived: checked.archived,
            updated_at: meta.at,
          })
          .onConflict((conflict) =>
            conflict
              .columns(['tenant_id', 'code'])
              .doUpdateSet({ label: checked.label, archived: checked.archived, updated_at: meta.at }),
          )
          .execute(),
      );
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'cancellation-reason.put',
        entity: { type: 'cancellation-reason', id: checked.code },
        details:
          previous === undefined ? { label: checked.label } : { label: checked.label, previousLabel: previous.label },
      });
      return checked;
    });
  }

  async archive(code: string, meta: ChangeMeta): Promise<CancellationReason> {
    return atomically(this.scope.db, async (db) => {
      const row = await db
        .updateTable('cancellation_reasons')
        .set({ archived: true, updated_at: meta.at })
        .where('tenant_id', '=', this.scope.tenantId)
        .where('code', '=', code)
        .returning(['code', 'label', 'archived'])
        .executeTakeFirst();
      if (row === undefined) throw this.notFound(code);
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: 'cancellation-reason.archived',
        entity: { type: 'cancellation-reason', id: code },
      });
      return toReason(row);
    });
  }

  async delete(code: string, meta: ChangeMeta): Promise<void> {
    return atomically(this.scope.db, async (db) => {
      if (!(await lockForDeletion(db, 'cancellation_reasons', this.scope.tenantId, code))) throw this.notFound(code);
      // The rule is the engine's; the store only counts.
      const verdict = reasonDeletion(code, (await this.countUses(db, code)) > 0 ? [code] : []);
      if (!verdict.allowed) throw new PowerUpError('in-use', verdict.reason, { path: ['code'] });
      const deleted = await db
        .deleteFrom('cancellation_reasons')
        .where('tenant_id', '=', this.scope.tenantId)
        .where('code', '=', code)
        .returning('code')
        .executeTakeFirst();
      if (deleted === undefined) throw this.notFound(code);
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: 'cancellation-reason.deleted',
        entity: { type: 'cancellation-reason', id: code },
      });
    });
  }

  async usageCount(code: string): Promise<number> {
    return this.countUses(this.scope.db, code);
  }

  private async countUses(db: Kysely<Database>, code: string): Promise<number> {
    const row = await db
      .selectFrom('terminations')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('tenant_id', '=', this.scope.tenantId)
      .where('reason_code', '=', code)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private notFound(code: string): PowerUpError {
    return new PowerUpError('not-found', `there is no cancellation reason '${code}': check the code.`, {
      path: ['code'],
    });
  }
}
