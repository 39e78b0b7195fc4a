import { parseOccurrenceKey } from '@contractbeheer/core';
import { sql, type Insertable, type Updateable } from 'kysely';
import * as z from 'zod';
import type { LedgerState } from '../ledger-row.js';
import type { GenerationLedgerRepository, LedgerEntry, NewLedgerEntry } from '../generation-ledger.js';
import type { Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { instant } from './rows.js';
import type { Scope } from './scope.js';

const LEDGER_STATES = ['pending', 'created', 'skipped', 'failed'] as const;

/** The plan as posted, checked on the way out: a retry posts exactly what the first attempt did. */
const planSchema = z.object({
  key: z.string(),
  contractId: z.string(),
  debtorNumber: z.string(),
  objectCodes: z.array(z.string()),
  targetDate: z.string(),
  creationDate: z.string(),
  late: z.boolean(),
  timing: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('deadline'), deadline: z.string() }),
    z.object({ kind: z.literal('planned'), date: z.string(), time: z.string().nullable(), employeeNumber: z.string() }),
  ]),
  workType: z.string(),
  description: z.string(),
  // JSON has no `undefined`: an absent field comes back absent, and is given back as `undefined`.
  durationMinutes: z.number().optional(),
  priorityCode: z.string().optional(),
});

const optionalInstant = z
  .date()
  .nullable()
  .transform((date) => (date === null ? null : date.toISOString()));

const ledgerRowSchema = z
  .object({
    key: z.string(),
    contract_id: z.string(),
    state: z.enum(LEDGER_STATES),
    work_order_number: z.string(),
    attempts: z.number().int(),
    last_attempt_at: z.date().nullable(),
    skip_reason: z.string().nullable(),
    last_error: z.string().nullable(),
    plan: planSchema.nullable(),
    host_id: z.string().nullable(),
    target_date: z.string(),
    creation_date: z.string().nullable(),
    late: z.boolean(),
    host_status: z.string().nullable(),
    deleted_on_host_at: optionalInstant,
    recorded_at: instant,
    updated_at: instant,
  })
  .transform((row): LedgerEntry => ({
    key: row.key,
    contractId: row.contract_id,
    state: row.state,
    workOrderNumber: row.work_order_number,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at === null ? null : row.last_attempt_at.getTime(),
    skipReason: row.skip_reason,
    lastError: row.last_error,
    plan:
      row.plan === null
        ? null
        : {
            ...row.plan,
            durationMinutes: row.plan.durationMinutes,
            priorityCode: row.plan.priorityCode,
          },
    hostId: row.host_id,
    targetDate: row.target_date,
    creationDate: row.creation_date,
    late: row.late,
    hostStatus: row.host_status,
    deletedOnHostAt: row.deleted_on_host_at,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  }));

/** A `number` of milliseconds since the epoch as the ISO instant the database stores. */
const isoOf = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * The generation ledger of one tenant. Every change is one guarded `UPDATE … WHERE state = … AND attempts = …`: the
 * same compare-and-set `applyCommands` describes, so a second instance or a restarted one that decided on an older
 * view of a row changes nothing (the method answers `false`) instead of moving the row backwards.
 */
export class KyselyGenerationLedger implements GenerationLedgerRepository {
  constructor(private readonly scope: Scope) {}

  private select() {
    return this.scope.db.selectFrom('generation_ledger').selectAll().where('tenant_id', '=', this.scope.tenantId);
  }

  async forContract(contractId: string): Promise<LedgerEntry[]> {
    const rows = await this.select()
      .where('contract_id', '=', contractId)
      .orderBy('target_date')
      .orderBy('key')
      .execute();
    return rows.map((row) => ledgerRowSchema.parse(row));
  }

  async forContracts(contractIds: readonly string[]): Promise<LedgerEntry[]> {
    if (contractIds.length === 0) return [];
    const rows = await this.select()
      // One array parameter: the same statement text for any number of contracts (prepared once per connection).
      .where('contract_id', '=', sql<string>`any(${[...contractIds]}::text[])`)
      .orderBy('contract_id')
      .orderBy('target_date')
      .orderBy('key')
      .execute();
    return rows.map((row) => ledgerRowSchema.parse(row));
  }

  async get(key: string): Promise<LedgerEntry | undefined> {
    const row = await this.select().where('key', '=', key).executeTakeFirst();
    return row === undefined ? undefined : ledgerRowSchema.parse(row);
  }

  async byWorkOrderNumber(workOrderNumber: string): Promise<LedgerEntry | undefined> {
    const row = await this.select().where('work_order_number', '=', workOrderNumber).executeTakeFirst();
    return row === undefined ? undefined : ledgerRowSchema.parse(row);
  }

  async insert(entries: readonly NewLedgerEntry[], at: string): Promise<string[]> {
    if (entries.length === 0) return [];
    const { tenantId } = this.scope;
    const rows = entries.map((entry): Insertable<Database['generation_ledger']> => {
      const common = {
        tenant_id: tenantId,
        key: entry.key,
        work_order_number: entry.workOrderNumber,
        recorded_at: at,
        updated_at: at,
      };
      if (entry.state === 'pending') {
        return {
          ...common,
          contract_id: entry.plan.contractId,
          state: 'pending',
          skip_reason: null,
          plan: JSON.stringify(entry.plan),
          target_date: entry.plan.targetDate,
          creation_date: entry.plan.creationDate,
          late: entry.plan.late,
        };
      }
      return {
        ...common,
        contract_id: parseOccurrenceKey(entry.key).contractId,
        state: 'skipped',
        skip_reason: entry.reason,
        plan: null,
        target_date: entry.targetDate,
        creation_date: null,
        late: false,
      };
    });
    const inserted = await forKnownTenant(tenantId, () =>
      this.scope.db
        .insertInto('generation_ledger')
        .values(rows)
        .onConflict((conflict) => conflict.columns(['tenant_id', 'key']).doNothing())
        .returning('key')
        .execute(),
    );
    return inserted.map((row) => row.key);
  }

  /** Runs a guarded update of one row and says whether it matched. */
  private async changed(
    key: string,
    set: Updateable<Database['generation_ledger']>,
    guard: { state: LedgerState | readonly LedgerState[]; attempts?: number },
  ): Promise<boolean> {
    let query = this.scope.db
      .updateTable('generation_ledger')
      .set(set)
      .where('tenant_id', '=', this.scope.tenantId)
      .where('key', '=', key);
    query =
      typeof guard.state === 'string'
        ? query.where('state', '=', guard.state)
        : query.where('state', 'in', [...guard.state]);
    if (guard.attempts !== undefined) query = query.where('attempts', '=', guard.attempts);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async startAttempt(key: string, attempt: number, startedAt: number): Promise<boolean> {
    return (await this.startAttempts([{ key, attempt, startedAt }])).length > 0;
  }

  /*
   * The batch writes below join the rows to `unnest` of one array parameter per column: a single statement (one
   * round trip, one commit) whose text does not depend on the batch size, with the same guards as the one-row
   * writes, per row. The keys are named to the primary key as well (`key = any(…)`): joined on `v.key` alone, a
   * ledger without statistics yet (a tenant's first run, before autovacuum analyses it) is planned as a scan of all
   * the tenant's rows per statement — 60 ms for 8 rows among 8,000, growing with every row the run adds.
   */
  async startAttempts(attempts: readonly { key: string; attempt: number; startedAt: number }[]): Promise<string[]> {
    if (attempts.length === 0) return [];
    const keys = attempts.map((entry) => entry.key);
    const numbers = attempts.map((entry) => entry.attempt);
    const startedAt = attempts.map((entry) => isoOf(entry.startedAt));
    const result = await sql<{ key: string }>`
      update generation_ledger as l
      set attempts = v.attempt, last_attempt_at = v.started_at, updated_at = v.started_at
      from unnest(${keys}::text[], ${numbers}::int[], ${startedAt}::timestamptz[]) as v(key, attempt, started_at)
      where l.tenant_id = ${this.scope.tenantId} and l.key = any(${keys}::text[]) and l.key = v.key
        and l.state = 'pending' and l.attempts = v.attempt - 1
      returning l.key`.execute(this.scope.db);
    return result.rows.map((row) => row.key);
  }

  recordError(key: string, attempts: number, error: string, at: string): Promise<boolean> {
    return this.changed(key, { last_error: error, updated_at: at }, { state: 'pending', attempts });
  }

  async markCreated(
    key: string,
    expected: { state: 'pending' | 'failed'; attempts: number },
    hostId: string | null,
    at: string,
  ): Promise<boolean> {
    return (await this.markCreatedMany([{ key, expected, hostId }], at)).length > 0;
  }

  async markCreatedMany(
    rows: readonly {
      key: string;
      expected: { state: 'pending' | 'failed'; attempts: number };
      hostId: string | null;
    }[],
    at: string,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const keys = rows.map((row) => row.key);
    const states = rows.map((row) => row.expected.state);
    const attempts = rows.map((row) => row.expected.attempts);
    const hostIds = rows.map((row) => row.hostId);
    const result = await sql<{ key: string }>`
      update generation_ledger as l
      set state = 'created', host_id = v.host_id, updated_at = ${at}::timestamptz
      from unnest(${keys}::text[], ${states}::text[], ${attempts}::int[], ${hostIds}::text[])
        as v(key, state, attempts, host_id)
      where l.tenant_id = ${this.scope.tenantId} and l.key = any(${keys}::text[]) and l.key = v.key
        and l.state = v.state and l.attempts = v.attempts
      returning l.key`.execute(this.scope.db);
    return result.rows.map((row) => row.key);
  }

  markFailed(key: string, attempts: number, lastError: string, at: string): Promise<boolean> {
    return this.changed(
      key,
      { state: 'failed', last_error: lastError, updated_at: at },
      { state: 'pending', attempts },
    );
  }

  async setHostStatus(workOrderNumber: string, hostStatus: string, at: string): Promise<boolean> {
    const result = await this.scope.db
      .updateTable('generation_ledger')
      .set({ host_status: hostStatus, updated_at: at })
      .where('tenant_id', '=', this.scope.tenantId)
      .where('work_order_number', '=', workOrderNumber)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async markDeletedOnHost(key: string, at: string): Promise<boolean> {
    const result = await this.scope.db
      .updateTable('generation_ledger')
      .set({ deleted_on_host_at: at, updated_at: at })
      .where('tenant_id', '=', this.scope.tenantId)
      .where('key', '=', key)
      .where('state', '=', 'created')
      .where('deleted_on_host_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async counts(contractId?: string): Promise<Record<LedgerState, number>> {
    let query = this.scope.db
      .selectFrom('generation_ledger')
      .select(['state', sql<string | number>`count(*)`.as('count')])
      .where('tenant_id', '=', this.scope.tenantId);
    if (contractId !== undefined) query = query.where('contract_id', '=', contractId);
    const rows = await query.groupBy('state').execute();
    const counts: Record<LedgerState, number> = { pending: 0, created: 0, skipped: 0, failed: 0 };
    for (const row of rows) counts[row.state] = Number(row.count);
    return counts;
  }
}
