import { applyContractAction, localDateAt, type ContractCommand } from '@contractbeheer/core';
import { afterEach, describe, expect, it } from 'vitest';
import { executeEffects } from '../../src/effects/execute-effects.js';
import { createPgliteStore } from '../../src/store/kysely/create-pglite-store.js';
import type { TenantSettings } from '../../src/store/store.js';
import { preventive } from '../store/fixtures.js';
import { dueKeys, startGenerationWorld, type GenerationWorld } from './generation-world.js';

const DAY_MS = 86_400_000;
const ZONE = 'Europe/Amsterdam';

let world: GenerationWorld | undefined;
afterEach(async () => {
  await world?.close();
  await world?.store.close();
  world = undefined;
});

async function start(startAt: string, settings: Partial<TenantSettings> = {}): Promise<GenerationWorld> {
  world = await startGenerationWorld({ store: await createPgliteStore({ memory: true }), start: startAt, settings });
  return world;
}

/** Applies a contract action as the API does: the core decides, the effects executor writes. */
async function act(w: GenerationWorld, contractId: string, command: ContractCommand) {
  const before = (await w.tenant.contracts.get(contractId))!.contract;
  const at = w.clock.iso();
  const result = applyContractAction(before, command, { asOf: at.replace(/\.\d+Z$/, 'Z'), workOrders: [] });
  await executeEffects(w.tenant, result.effects, { before, terms: undefined, meta: { actor: 'test', at } });
}

const localDate = (iso: string) => localDateAt(iso.replace(/\.\d+Z$/, 'Z'), ZONE);

describe('generation over time (PGlite, sandbox host over HTTP)', () => {
  it('simulated day by day for a year: every occurrence is created on its creation date, none twice', async () => {
    const w = await start('2025-12-31T23:05:00.000Z');
    // Monthly with a week's notice, weekly on Mondays for two objects, and quarterly with 30 days' notice.
    await w.tenant.contracts.create(
      preventive('MONTHLY', { startDate: '2026-01-01', debtorNumber: 'D1001', daysInAdvance: 7 }),
      { actor: 'test', at: w.clock.iso() },
    );
    await w.tenant.contracts.create(
      preventive('WEEKLY', {
        startDate: '2026-01-01',
        debtorNumber: 'D1002',
        objectCodes: ['LIFT-7', 'CV-KETEL-88'],
        schedule: { unit: 'week', weekdays: ['mon'] },
      }),
      { actor: 'test', at: w.clock.iso() },
    );
    await w.tenant.contracts.create(
      preventive('QUARTERLY', {
        startDate: '2026-01-01',
        debtorNumber: 'D1003',
        daysInAdvance: 30,
        schedule: { unit: 'month', interval: 3, day: 1 },
      }),
      { actor: 'test', at: w.clock.iso() },
    );
    const ids = ['MONTHLY', 'WEEKLY', 'QUARTERLY'];

    // Five past midnight in Amsterdam, every day of 2026 (the clock steps a whole day; DST shifts the local hour).
    const createdOn = new Map<string, string>();
    for (let day = 0; day < 365; day += 1) {
      await w.generator.runUntilIdle();
      const today = localDate(w.clock.iso());
      for (const id of ids) {
        for (const row of await w.rows(id)) {
          if (createdOn.has(row.key)) continue;
          createdOn.set(row.key, today);
          expect(row.state).toBe('created');
          if (row.creationDate! >= '2026-01-01') {
            expect(row.creationDate).toBe(today);
            expect(row.late).toBe(false);
          } else {
            // Only the first quarter's visit was due before the contract existed (1 January, 30 days' notice).
            expect([row.key, today, row.late]).toEqual(['QUARTERLY|CV-01|2026-01-01', '2026-01-01', true]);
          }
        }
      }
      w.clock.advanceMs(DAY_MS);
    }
    const expected = await dueKeys(w.tenant, ids, '2026-12-31T12:00:00.000Z');
    expect([...createdOn.keys()].sort()).toEqual(expected.planned);
    // 12 monthly + 2 × 52 or 53 Mondays + the quarters whose creation date falls in 2026 (Feb, May, Aug, Nov, next Jan).
    expect(createdOn.size).toBeGreaterThan(12 + 104 + 3);
    expect(w.hostWorkOrders().size).toBe(createdOn.size);
    expect(w.repeatedCreates).toEqual([]);
  }, 300_000);

  it('catches up after downtime: late occurrences are created and marked, too-old ones skipped with the reason', async () => {
    const w = await start('2025-12-20T09:00:00.000Z', { catchUpLimitDays: 14 });
    await w.tenant.contracts.create(preventive('C-1', { startDate: '2026-01-01', debtorNumber: 'D1001' }), {
      actor: 'test',
      at: w.clock.iso(),
    });
    expect((await w.generator.runUntilIdle()).created).toBe(0);

    // Down from 20 December to 20 February: 15 January is 36 days past, 15 February 5 days.
    w.clock.set('2026-02-20T09:00:00.000Z');
    const report = await w.generator.runUntilIdle();
    expect(report).toMatchObject({ created: 1, skipped: 1, failed: 0 });
    const rows = await w.rows('C-1');
    expect(rows.map((row) => [row.key, row.state, row.late, row.skipReason])).toEqual([
      ['C-1|CV-01|2026-01-15', 'skipped', false, 'past-catch-up-limit'],
      ['C-1|CV-01|2026-02-15', 'created', true, null],
    ]);
    expect([...w.hostWorkOrders().keys()]).toEqual([rows[1]!.workOrderNumber]);
  });

  it('a tenant the host asked to wait (429 with Retry-After) is resumed in the same run once the wait is over', async () => {
    const w = await start('2026-03-10T08:00:00.000Z', { catchUpLimitDays: 100 });
    await w.tenant.contracts.create(
      preventive('C-1', { startDate: '2026-01-01', debtorNumber: 'D1001', objectCodes: ['CV-KETEL-88', 'LIFT-7'] }),
      { actor: 'test', at: w.clock.iso() },
    );
    const due = await dueKeys(w.tenant, ['C-1'], w.clock.iso(), 100);
    expect(due.planned).toHaveLength(4);
    // Every second request is refused with Retry-After: 7 s, until the generator has waited once.
    w.sandbox.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 7 });
    const waits: number[] = [];
    const generator = w.newGenerator({
      sleep: async (ms) => {
        waits.push(ms);
        w.sandbox.setFaults({});
        w.clock.advanceMs(ms);
      },
    });
    const report = await generator.runUntilIdle();
    expect(waits).toEqual([7_000]);
    expect(report.errors).toBeGreaterThan(0);
    const rows = await w.rows('C-1');
    expect(rows.map((row) => row.key).sort()).toEqual(due.planned);
    expect(rows.map((row) => row.state)).toEqual(Array(4).fill('created'));
    expect(w.hostWorkOrders().size).toBe(4);
    expect(w.repeatedCreates).toEqual([]);

    // Without time to wait, the run ends and the backed-off contract is left for the next one.
    await w.tenant.contracts.create(preventive('C-2', { startDate: '2026-01-01', debtorNumber: 'D1001' }), {
      actor: 'test',
      at: w.clock.iso(),
    });
    w.sandbox.setFaults({ rateLimitEvery: 1, retryAfterSeconds: 7 });
    const impatient = w.newGenerator({ resumeWithinMs: 0, sleep: () => Promise.reject(new Error('no waiting')) });
    expect(await impatient.runUntilIdle()).toMatchObject({ contracts: 1, created: 0 });
    w.sandbox.setFaults({});
    expect((await w.rows('C-2')).every((row) => row.state === 'pending')).toBe(true);
  });

  it('an edit replans only future occurrences that were not generated', async () => {
    // A long catch-up limit: the clock jumps months here, and every occurrence is to be created, late or not.
    const w = await start('2026-01-01T08:00:00.000Z', { catchUpLimitDays: 100 });
    await w.tenant.contracts.create(
      preventive('C-1', { startDate: '2026-01-01', debtorNumber: 'D1001', daysInAdvance: 10 }),
      { actor: 'test', at: w.clock.iso() },
    );
    w.clock.set('2026-02-06T08:00:00.000Z');
    await w.generator.runUntilIdle();
    const before = await w.rows('C-1');
    expect(before.map((row) => row.targetDate)).toEqual(['2026-01-15', '2026-02-15']);
    const hostBefore = w.hostWorkOrders();

    // On 6 February the visit moves to the 20th, from that day on. 15 February was generated (on 5 February) and
    // stays exactly as it was; the new version's dates from 6 February on are planned afresh — 20 February among
    // them — and no date of the old schedule after the edit is generated.
    await act(w, 'C-1', { type: 'edit', expectedVersion: 0, changes: { schedule: { unit: 'month', day: 20 } } });
    w.clock.set('2026-04-15T08:00:00.000Z');
    await w.generator.runUntilIdle();
    const after = await w.rows('C-1');
    expect(after.map((row) => row.targetDate)).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-02-20',
      '2026-03-20',
      '2026-04-20',
    ]);
    expect(after.slice(0, 2)).toEqual(before);
    for (const [number, order] of hostBefore) expect(w.hostWorkOrders().get(number)).toEqual(order);
    expect(after.map((row) => [row.state, row.lastError])).toEqual(Array(5).fill(['created', null]));
    expect(w.hostWorkOrders().size).toBe(5);
  });

  for (const policy of ['leave', 'delete'] as const) {
    it(`termination (${policy}): nothing after the date, and generated not-started work orders are ${policy === 'leave' ? 'left' : 'deleted'}`, async () => {
      const w = await start('2026-01-01T08:00:00.000Z', { notStartedAfterTermination: policy });
      // Prepared 90 days ahead, so the spring's work orders exist by February.
      await w.tenant.contracts.create(
        preventive('C-1', { startDate: '2026-01-01', debtorNumber: 'D1001', daysInAdvance: 90 }),
        { actor: 'test', at: w.clock.iso() },
      );
      await w.generator.runUntilIdle();
      w.clock.set('2026-02-01T08:00:00.000Z');
      await w.generator.runUntilIdle();
      const generated = await w.rows('C-1');
      expect(generated.map((row) => [row.targetDate, row.state])).toEqual([
        ['2026-01-15', 'created'],
        ['2026-02-15', 'created'],
        ['2026-03-15', 'created'],
        ['2026-04-15', 'created'],
      ]);
      // The April visit was already picked up in the field: it is started, and never deleted.
      const april = generated[3]!;
      w.sandbox.progressWorkOrder(Number(april.hostId), 'Opgehaald');

      w.clock.set('2026-02-10T08:00:00.000Z');
      await act(w, 'C-1', { type: 'terminate', date: '2026-02-28' });
      const report = await w.generator.runUntilIdle();
      w.clock.set('2026-08-01T08:00:00.000Z');
      await w.generator.runUntilIdle();

      const rows = await w.rows('C-1');
      // Nothing generated after the termination date, by this run or any later one.
      expect(rows.map((row) => row.targetDate)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15']);
      const onHost = w.hostWorkOrders();
      const march = rows[2]!;
      if (policy === 'leave') {
        expect(report.deleted).toBe(0);
        expect(onHost.size).toBe(4);
        expect(rows.every((row) => row.deletedOnHostAt === null)).toBe(true);
      } else {
        expect(report.deleted).toBe(1);
        expect(onHost.has(march.workOrderNumber)).toBe(false);
        expect(march.deletedOnHostAt).toBe('2026-02-10T08:00:00.000Z');
        expect(onHost.get(april.workOrderNumber)?.status).toBe('Opgehaald');
        expect(rows[3]).toMatchObject({ hostStatus: 'Opgehaald', deletedOnHostAt: null });
        expect(rows.slice(0, 2).every((row) => onHost.has(row.workOrderNumber))).toBe(true);
      }
    });
  }
});
