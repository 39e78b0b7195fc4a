import { PowerUpError } from '../../power-up-error.js';
import type { ChangeMeta, StoredTermination, Termination, TerminationRepository } from '../store.js';
import { forKnownTenant } from './database-errors.js';
import { markContractDue } from './kysely-due-index.js';
import { holdReference } from './settings-locks.js';
import { appendAudit } from './kysely-audit-trail.js';
import { terminationRowSchema } from './rows.js';
import { atomically, type Scope } from './scope.js';

export class KyselyTerminations implements TerminationRepository {
  constructor(private readonly scope: Scope) {}

  async record(termination: Termination, meta: ChangeMeta): Promise<StoredTermination> {
    if (!Number.isSafeInteger(termination.lostValue.amount)) {
      throw new PowerUpError('invalid-input', 'must be a whole number of cents.', { path: ['lostValue', 'amount'] });
    }
    const { tenantId } = this.scope;
    const columns = {
      date: termination.date,
      reason_code: termination.reasonCode ?? null,
      reason_label: termination.reasonLabel ?? null,
      remark: termination.remark ?? null,
      lost_value_cents: termination.lostValue.amount,
      currency: termination.lostValue.currency,
      recorded_at: meta.at,
      recorded_by: meta.actor,
    };
    return atomically(this.scope.db, async (db) => {
      await holdReference(db, 'cancellation_reasons', tenantId, termination.reasonCode);
      const row = await forKnownTenant(tenantId, () =>
        db
          .insertInto('terminations')
          .values({ tenant_id: tenantId, contract_id: termination.contractId, ...columns })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'contract_id']).doUpdateSet(columns))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      // Due at once, so generation stops after the date and applies the tenant's policy without waiting.
      await markContractDue(db, tenantId, termination.contractId, meta.at);
      await appendAudit(db, tenantId, {
        ...meta,
        action: 'termination.recorded',
        entity: { type: 'termination', id: termination.contractId },
        details: { date: termination.date, reasonCode: termination.reasonCode ?? null },
      });
      return terminationRowSchema.parse(row);
    });
  }

  async forContract(contractId: string): Promise<StoredTermination | undefined> {
    const row = await this.scope.db
      .selectFrom('terminations')
      .selectAll()
      .where('tenant_id', '=', this.scope.tenantId)
      .where('contract_id', '=', contractId)
      .executeTakeFirst();
    return row === undefined ? undefined : terminationRowSchema.parse(row);
  }

  async list(options: { from?: string; to?: string } = {}): Promise<StoredTermination[]> {
    let query = this.scope.db.selectFrom('terminations').selectAll().where('tenant_id', '=', this.scope.tenantId);
    if (options.from !== undefined) query = query.where('date', '>=', options.from);
    if (options.to !== undefined) query = query.where('date', '<=', options.to);
    const rows = await query.orderBy('date').orderBy('contract_id').execute();
    return rows.map((row) => terminationRowSchema.parse(row));
  }
}
