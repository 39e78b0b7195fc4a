import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TickReport } from '../../src/generation/generator.js';
import type { Store } from '../../src/store/store.js';
import { preventive } from '../store/fixtures.js';
import { dueKeys, startGenerationWorld, type GenerationWorld } from './generation-world.js';

const CONTRACTS = 10;
const CREATED_AT = '2026-01-01T06:00:00.000Z';

/**
 * Exactly once under a faulty host, over real HTTP: 5xx bursts, 429 with Retry-After and answers dropped after the
 * host committed the work order. Every due key must end as exactly one work order on the host and a `created` row.
 */
export function describeExactlyOnce(name: string, openStore: () => Promise<Store>): void {
  describe(`generation exactly once against a faulty host: ${name}`, () => {
    let world: GenerationWorld;
    const ids = Array.from({ length: CONTRACTS }, (_, i) => `C-${String(i).padStart(3, '0')}`);

    beforeAll(async () => {
      // Every contract has two objects and a visit on the 15th of each month, prepared 14 days ahead.
      world = await startGenerationWorld({
        store: await openStore(),
        start: '2026-03-10T08:00:00.000Z',
        settings: { catchUpLimitDays: 100 },
      });
      for (const id of ids) {
        await world.tenant.contracts.create(
          preventive(id, {
            startDate: '2026-01-01',
            debtorNumber: 'D1001',
            objectCodes: ['CV-KETEL-88', 'LIFT-7'],
            orderPerObject: true,
            daysInAdvance: 14,
            schedule: { unit: 'month', day: 15 },
          }),
          { actor: 'test', at: CREATED_AT },
        );
      }
    });
    afterAll(async () => {
      await world?.close();
      await world?.store.close();
    });

    it('creates every due key exactly once through 5xx bursts, 429s and lost answers', async () => {
      const expected = await dueKeys(world.tenant, ids, world.clock.iso(), 100);
      // Jan, Feb and Mar (its creation date, 1 March, has passed) for two objects each.
      expect(expected.planned).toHaveLength(CONTRACTS * 6);

      // Bursts of 5xx (every answer for two ticks in fifteen), and always 429s and answers lost after the commit.
      const faultsFor = (tick: number) => ({
        serverErrorRate: tick % 15 < 2 ? 1 : 0.05,
        rateLimitEvery: 11,
        retryAfterSeconds: 2,
        dropAfterCommitRate: 0.25,
      });
      const total: TickReport = { contracts: 0, created: 0, skipped: 0, failed: 0, lookedUp: 0, errors: 0, deleted: 0 };
      let ticks = 0;
      for (; ticks < 600; ticks += 1) {
        world.sandbox.setFaults(faultsFor(ticks));
        const report = await world.generator.tick();
        for (const field of Object.keys(total) as (keyof TickReport)[]) total[field] += report[field];
        const counts = await world.tenant.ledger.counts();
        if (counts.created === expected.planned.length) break;
        expect(counts.failed).toBe(0);
        // Past every back-off of the test policy and every Retry-After.
        world.clock.advanceMs(5_000);
      }
      world.sandbox.setFaults({});

      const rows = (await Promise.all(ids.map((id) => world.rows(id)))).flat();
      expect(rows.map((row) => row.key).sort()).toEqual(expected.planned);
      expect(rows.filter((row) => row.state !== 'created')).toEqual([]);
      const onHost = world.hostWorkOrders();
      expect(onHost.size).toBe(expected.planned.length);
      for (const row of rows) expect(onHost.get(row.workOrderNumber)?.rowId).toBe(row.hostId);
      // No create ever reached the host for a number it already had.
      expect(world.repeatedCreates).toEqual([]);
      // The faults really struck: failed calls, look-ups of lost answers, and rows posted more than once.
      expect(total.errors).toBeGreaterThan(0);
      expect(total.lookedUp).toBeGreaterThan(0);
      expect([...world.postsByNumber.values()].some((posts) => posts > 1)).toBe(true);
      expect(total.created).toBe(expected.planned.length);
    }, 300_000);

    it('writes nothing and calls no host on a second run with nothing due', async () => {
      const before = JSON.stringify(await Promise.all(ids.map((id) => world.rows(id))));
      const requests = world.sandbox.requests.length;
      world.clock.advanceMs(3_600_000);
      const report = await world.generator.runUntilIdle();
      expect(report).toEqual({ contracts: 0, created: 0, skipped: 0, failed: 0, lookedUp: 0, errors: 0, deleted: 0 });
      expect(world.sandbox.requests.length).toBe(requests);
      expect(JSON.stringify(await Promise.all(ids.map((id) => world.rows(id))))).toBe(before);
      expect(await world.store.dueIndex.countDue(world.clock.iso())).toBe(0);
    });
  });
}
