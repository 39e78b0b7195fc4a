import { sql, type Kysely } from 'kysely';
import * as z from 'zod';
import type { DueClaim, DueIndex } from '../generation-ledger.js';
import type { Database } from './database.js';
import { instant } from './rows.js';

const claimRowSchema = z.object({
  tenant_id: z.string(),
  contract_id: z.string(),
  due_at: instant,
  lease_until: instant,
  lease_owner: z.string(),
  revision: z.number().int(),
});

/**
 * A contract write makes its contract due at once (at `at`, or earlier if it already was) and bumps the revision, in
 * the caller's transaction, so the generator sees every created, edited, restarted or terminated contract on its next
 * tick. Only for a contract that exists: a termination may outlive its contract.
 */
export async function markContractDue(
  db: Kysely<Database>,
  tenantId: string,
  contractId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('due_index')
    .columns(['tenant_id', 'contract_id', 'due_at'])
    .expression((eb) =>
      eb
        .selectFrom('contracts')
        .select(['tenant_id', 'id', sql<string>`${at}::timestamptz`.as('due_at')])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', contractId),
    )
    .onConflict((conflict) =>
      conflict.columns(['tenant_id', 'contract_id']).doUpdateSet((eb) => ({
        // LEAST ignores nulls: an entry with nothing due becomes due at `at`.
        due_at: sql<string>`least(${eb.ref('due_index.due_at')}, ${eb.ref('excluded.due_at')})`,
        revision: eb(eb.ref('due_index.revision'), '+', 1),
      })),
    )
    .execute();
}

/**
 * The due index over every tenant. A claim is one `UPDATE … WHERE (tenant_id, contract_id) IN (SELECT … FOR UPDATE
 * SKIP LOCKED)`: the inner select locks the rows it picks and skips those another worker is locking right now, so two
 * workers never lease the same contract; the lease then keeps it theirs until it expires. The same statement runs on
 * PGlite (one connection, where nothing is ever locked by another) and PostgreSQL.
 */
export class KyselyDueIndex implements DueIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async claimDue(options: {
    now: string;
    limit: number;
    leaseMs: number;
    owner: string;
    tenantId?: string;
  }): Promise<DueClaim[]> {
    const { now, limit, leaseMs, owner, tenantId } = options;
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    const nowAt = sql<Date>`${now}::timestamptz`;
    const rows = await this.db
      .updateTable('due_index')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where((eb) =>
        eb(
          eb.refTuple('tenant_id', 'contract_id'),
          'in',
          eb
            .selectFrom('due_index as due')
            .select(['due.tenant_id', 'due.contract_id'])
            .where('due.due_at', '<=', nowAt)
            .where((inner) => inner.or([inner('due.lease_until', 'is', null), inner('due.lease_until', '<=', nowAt)]))
            // Uninstalled tenants have no credentials: their contracts wait until the tenant is installed again.
            .where('due.tenant_id', 'in', (tenants) =>
              tenants.selectFrom('tenants').select('tenants.id').where('tenants.status', '=', 'installed'),
            )
            .$if(tenantId !== undefined, (qb) => qb.where('due.tenant_id', '=', tenantId!))
            .orderBy('due.due_at')
            .limit(limit)
            .forUpdate()
            .skipLocked()
            .$asTuple('tenant_id', 'contract_id'),
        ),
      )
      .returning(['tenant_id', 'contract_id', 'due_at', 'lease_until', 'lease_owner', 'revision'])
      .execute();
    return rows
      .map((raw) => {
        const row = claimRowSchema.parse(raw);
        return {
          tenantId: row.tenant_id,
          contractId: row.contract_id,
          dueAt: row.due_at,
          leaseUntil: row.lease_until,
          owner: row.lease_owner,
          revision: row.revision,
        };
      })
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.contractId.localeCompare(b.contractId));
  }

  async listDue(options: {
    now: string;
    limit: number;
    tenantId?: string;
  }): Promise<{ tenantId: string; contractId: string }[]> {
    const rows = await this.db
      .selectFrom('due_index')
      .select(['tenant_id', 'contract_id'])
      .where('due_at', '<=', sql<Date>`${options.now}::timestamptz`)
      .$if(options.tenantId !== undefined, (qb) => qb.where('tenant_id', '=', options.tenantId!))
      .orderBy('due_at')
      .orderBy('tenant_id')
      .orderBy('contract_id')
      .limit(options.limit)
      .execute();
    return rows.map((row) => ({ tenantId: row.tenant_id, contractId: row.contract_id }));
  }

  async release(claim: DueClaim, nextDueAt: string | null): Promise<boolean> {
    return (await this.releaseMany([{ claim, nextDueAt }])) > 0;
  }

  /*
   * One statement for the whole batch: the entries joined to `unnest` of one array parameter per column, so its text
   * is the same for any batch size. Only entries still leased to their claim's owner are touched.
   */
  async releaseMany(releases: readonly { claim: DueClaim; nextDueAt: string | null }[]): Promise<number> {
    if (releases.length === 0) return 0;
    const tenants = releases.map(({ claim }) => claim.tenantId);
    const contracts = releases.map(({ claim }) => claim.contractId);
    const owners = releases.map(({ claim }) => claim.owner);
    const revisions = releases.map(({ claim }) => claim.revision);
    const nexts = releases.map(({ nextDueAt }) => nextDueAt);
    const result = await sql`
      update due_index as d
      set lease_owner = null, lease_until = null,
        -- Written while leased: the next instant was planned from an older version, so keep the earlier of the two.
        due_at = case when d.revision = v.revision then v.next else least(d.due_at, v.next) end
      from unnest(${tenants}::text[], ${contracts}::text[], ${owners}::text[], ${revisions}::int[],
        ${nexts}::timestamptz[]) as v(tenant_id, contract_id, owner, revision, next)
      where d.tenant_id = v.tenant_id and d.contract_id = v.contract_id and d.lease_owner = v.owner`.execute(this.db);
    return Number(result.numAffectedRows ?? 0n);
  }

  async schedule(tenantId: string, contractId: string, dueAt: string | null): Promise<void> {
    if (dueAt === null) {
      await this.db
        .deleteFrom('due_index')
        .where('tenant_id', '=', tenantId)
        .where('contract_id', '=', contractId)
        .execute();
      return;
    }
    await this.db
      .insertInto('due_index')
      .values({ tenant_id: tenantId, contract_id: contractId, due_at: dueAt })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'contract_id']).doUpdateSet({ due_at: dueAt }))
      .execute();
  }

  async countDue(now: string): Promise<number> {
    const row = await this.db
      .selectFrom('due_index')
      .select(sql<string | number>`count(*)`.as('count'))
      .where('due_at', '<=', sql<Date>`${now}::timestamptz`)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
