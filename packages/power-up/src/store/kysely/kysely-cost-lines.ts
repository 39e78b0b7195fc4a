import * as z from 'zod';
import type { CostLineRecord, CostLineRepository, NewCostLine } from '../inbound-events.js';
import { forKnownTenant } from './database-errors.js';
import { instant } from './rows.js';
import { atomically, type Scope } from './scope.js';

/** Whole cents from a `bigint` column (pg hands back text, PGlite a number). */
const cents = z.union([z.string(), z.number(), z.bigint()]).transform((value, ctx) => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    ctx.addIssue({ code: 'custom', message: `${String(value)} is not a whole number of cents a JS number can hold` });
    return z.NEVER;
  }
  return number;
});

const costLineRowSchema = z
  .object({
    source_line_id: z.string(),
    contract_id: z.string(),
    work_order_number: z.string(),
    host_row_id: cents.nullable(),
    kind: z.enum(['hours', 'material']),
    date: z.string(),
    quantity: z.string(),
    hour_type_code: z.string().nullable(),
    material_code: z.string().nullable(),
    description: z.string(),
    unit: z.string(),
    unit_price_cents: cents,
    amount_cents: cents,
    currency: z.string(),
    recorded_at: instant,
  })
  .transform((row): CostLineRecord => ({
    sourceLineId: row.source_line_id,
    contractId: row.contract_id,
    workOrderNumber: row.work_order_number,
    hostRowId: row.host_row_id,
    kind: row.kind,
    date: row.date,
    quantity: row.quantity,
    hourTypeCode: row.hour_type_code,
    materialCode: row.material_code,
    description: row.description,
    unit: row.unit,
    unitPrice: { amount: row.unit_price_cents, currency: row.currency },
    amount: { amount: row.amount_cents, currency: row.currency },
    recordedAt: row.recorded_at,
  }));

export class KyselyCostLines implements CostLineRepository {
  constructor(private readonly scope: Scope) {}

  async replaceForWorkOrder(
    workOrder: { contractId: string; workOrderNumber: string; hostRowId: number | null },
    lines: readonly NewCostLine[],
    at: string,
  ): Promise<number> {
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      let stale = db
        .deleteFrom('cost_lines')
        .where('tenant_id', '=', tenantId)
        .where('work_order_number', '=', workOrder.workOrderNumber);
      if (lines.length > 0) {
        stale = stale.where(
          'source_line_id',
          'not in',
          lines.map((line) => line.sourceLineId),
        );
      }
      await stale.execute();
      if (lines.length === 0) return 0;
      const rows = lines.map((line) => ({
        tenant_id: tenantId,
        source_line_id: line.sourceLineId,
        contract_id: workOrder.contractId,
        work_order_number: workOrder.workOrderNumber,
        host_row_id: workOrder.hostRowId,
        kind: line.kind,
        date: line.date,
        quantity: line.quantity,
        hour_type_code: line.hourTypeCode,
        material_code: line.materialCode,
        description: line.description,
        unit: line.unit,
        unit_price_cents: line.unitPrice.amount,
        amount_cents: line.amount.amount,
        currency: line.amount.currency,
        recorded_at: at,
      }));
      // The source line id decides: the same line read again (a repeated event, a refresh) replaces itself.
      await forKnownTenant(tenantId, () =>
        db
          .insertInto('cost_lines')
          .values(rows)
          .onConflict((conflict) =>
            conflict.columns(['tenant_id', 'source_line_id']).doUpdateSet((eb) => ({
              contract_id: eb.ref('excluded.contract_id'),
              work_order_number: eb.ref('excluded.work_order_number'),
              host_row_id: eb.ref('excluded.host_row_id'),
              kind: eb.ref('excluded.kind'),
              date: eb.ref('excluded.date'),
              quantity: eb.ref('excluded.quantity'),
              hour_type_code: eb.ref('excluded.hour_type_code'),
              material_code: eb.ref('excluded.material_code'),
              description: eb.ref('excluded.description'),
              unit: eb.ref('excluded.unit'),
              unit_price_cents: eb.ref('excluded.unit_price_cents'),
              amount_cents: eb.ref('excluded.amount_cents'),
              currency: eb.ref('excluded.currency'),
              recorded_at: eb.ref('excluded.recorded_at'),
            })),
          )
          .execute(),
      );
      return rows.length;
    });
  }

  async forContract(contractId: string): Promise<CostLineRecord[]> {
    const rows = await this.scope.db
      .selectFrom('cost_lines')
      .selectAll()
      .where('tenant_id', '=', this.scope.tenantId)
      .where('contract_id', '=', contractId)
      .orderBy('date')
      .orderBy('source_line_id')
      .execute();
    return rows.map((row) => costLineRowSchema.parse(row));
  }
}
