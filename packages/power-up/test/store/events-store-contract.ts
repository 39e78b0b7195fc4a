import { describe, expect, it } from 'vitest';
import type { NewCostLine, NewInboundEvent } from '../../src/store/inbound-events.js';
import type { Store } from '../../src/store/store.js';
import { installTenants, meta, preventive } from './fixtures.js';

/*
 * The storage contract for events in (migration 004): the inbox, its claims across instances, cost lines and deleted
 * objects. Part of the one storage contract suite (`store-contract.ts` calls it), so every adapter passes it.
 *
 * Claims reach across tenants, so the tests that claim keep to their own hours of 2030 and settle what they claim;
 * the tests that only store events date them in 2099, out of every claim's reach.
 */

const FAR = '2099-01-01T00:00:00.000Z';

const event = (eventId: string, type = 'workorder.status_changed'): NewInboundEvent => ({
  eventId,
  type,
  payload: { id: eventId, data: { workorderNo: 'WO-1', status: 'Opgehaald' } },
  source: 'webhook',
});

const hours = (id: string, minutes: string, amount: number): NewCostLine => ({
  sourceLineId: id,
  kind: 'hours',
  date: '2026-03-02',
  quantity: minutes,
  hourTypeCode: 'NORMAAL',
  materialCode: null,
  description: 'NORMAAL',
  unit: 'min',
  unitPrice: { amount: 6000, currency: 'EUR' },
  amount: { amount, currency: 'EUR' },
});

export function describeEventsStoreContract(current: () => Store): void {
  describe('events in', () => {
    it('stores an event once per tenant: the same id again is a duplicate, another tenant has its own', async () => {
      const store = current();
      const [a, b] = (await installTenants(store, 'inbox-a', 'inbox-b')).map((id) => store.forTenant(id));
      expect(await a!.inbox.receive(event('evt-1'), FAR)).toBe(true);
      expect(await a!.inbox.receive({ ...event('evt-1'), type: 'object.deleted' }, FAR)).toBe(false);
      expect(await a!.inbox.receiveAll([event('evt-1'), event('evt-2'), event('evt-3')], FAR)).toEqual([
        'evt-2',
        'evt-3',
      ]);
      expect(await b!.inbox.receive(event('evt-1'), FAR)).toBe(true);
      const stored = await a!.inbox.get('evt-1');
      expect(stored).toMatchObject({
        tenantId: a!.tenantId,
        eventId: 'evt-1',
        type: 'workorder.status_changed',
        payload: event('evt-1').payload,
        source: 'webhook',
        state: 'received',
        attempts: 0,
        receivedAt: FAR,
        nextAttemptAt: FAR,
        lastError: null,
        processedAt: null,
      });
      expect((await a!.inbox.list()).map((e) => e.eventId).sort()).toEqual(['evt-1', 'evt-2', 'evt-3']);
      expect((await b!.inbox.list()).map((e) => e.eventId)).toEqual(['evt-1']);
      await expect(store.forTenant('never-installed').inbox.receive(event('x'), FAR)).rejects.toMatchObject({
        code: 'unknown-tenant',
      });
    });

    it('claims due events once, leases them, and settles only with the attempt it claimed', async () => {
      const store = current();
      const [id] = await installTenants(store, 'claim');
      const inbox = store.forTenant(id!).inbox;
      const t0 = '2030-01-01T10:00:00.000Z';
      await inbox.receiveAll([event('c-1'), event('c-2'), event('c-3')], t0);

      const first = await store.inboundEvents.claim({ now: t0, limit: 2, leaseMs: 60_000 });
      expect(first.map((e) => [e.eventId, e.attempts, e.nextAttemptAt])).toHaveLength(2);
      expect(first.every((e) => e.attempts === 1 && e.nextAttemptAt === '2030-01-01T10:01:00.000Z')).toBe(true);
      // The leased ones are not claimed again while the lease runs; the third is.
      const second = await store.inboundEvents.claim({ now: t0, limit: 10, leaseMs: 60_000 });
      expect(second.map((e) => e.eventId)).toEqual(
        ['c-1', 'c-2', 'c-3'].filter((x) => !first.some((e) => e.eventId === x)),
      );

      const [done, failing] = first;
      expect(await inbox.settle(done!.eventId, 2, { state: 'processed', at: t0 })).toBe(false);
      expect(await inbox.settle(done!.eventId, 1, { state: 'processed', at: t0 })).toBe(true);
      expect(await inbox.settle(done!.eventId, 1, { state: 'processed', at: t0 })).toBe(false);
      expect((await inbox.get(done!.eventId))?.state).toBe('processed');

      const retryAt = '2030-01-01T10:05:00.000Z';
      expect(
        await inbox.settle(failing!.eventId, 1, { state: 'received', error: 'host 503', nextAttemptAt: retryAt }),
      ).toBe(true);

      // A worker that crashed holds its lease until it runs out; then the event is claimed again.
      const lost = second[0]!;
      const leaseEnd = '2030-01-01T10:01:00.000Z';
      const afterLease = await store.inboundEvents.claim({ now: leaseEnd, limit: 10, leaseMs: 60_000 });
      expect(afterLease.map((e) => [e.eventId, e.attempts])).toEqual([[lost.eventId, 2]]);
      expect(await inbox.settle(lost.eventId, 1, { state: 'processed', at: leaseEnd })).toBe(false);
      expect(await inbox.settle(lost.eventId, 2, { state: 'processed', at: leaseEnd })).toBe(true);

      // The failed one waits out its back-off, then comes back with its error, and can be given up on.
      expect(await store.inboundEvents.claim({ now: '2030-01-01T10:04:59.000Z', limit: 10, leaseMs: 1 })).toEqual([]);
      const again = await store.inboundEvents.claim({ now: retryAt, limit: 10, leaseMs: 60_000 });
      expect(again.map((e) => [e.eventId, e.attempts, e.lastError])).toEqual([[failing!.eventId, 2, 'host 503']]);
      expect(await inbox.settle(failing!.eventId, 2, { state: 'dead', error: 'gave up', at: retryAt })).toBe(true);
      expect((await inbox.list({ state: 'dead' })).map((e) => [e.eventId, e.lastError])).toEqual([
        [failing!.eventId, 'gave up'],
      ]);
      expect((await store.inboundEvents.counts()).dead).toBeGreaterThanOrEqual(1);

      expect(await inbox.revive(failing!.eventId, '2030-01-01T11:00:00.000Z')).toBe(true);
      expect(await inbox.revive(failing!.eventId, '2030-01-01T11:00:00.000Z')).toBe(false);
      const revived = await store.inboundEvents.claim({ now: '2030-01-01T11:00:00.000Z', limit: 10, leaseMs: 1000 });
      expect(revived.map((e) => [e.eventId, e.attempts])).toEqual([[failing!.eventId, 1]]);
      await inbox.settle(failing!.eventId, 1, { state: 'processed', at: t0 });
    });

    it('never hands one event to two claims running at once', async () => {
      const store = current();
      const [id] = await installTenants(store, 'race');
      const at = '2030-02-01T10:00:00.000Z';
      const ids = Array.from({ length: 40 }, (_, i) => `r-${i}`);
      await store.forTenant(id!).inbox.receiveAll(
        ids.map((x) => event(x)),
        at,
      );
      const claims = await Promise.all(
        [0, 1, 2, 3].map(() => store.inboundEvents.claim({ now: at, limit: 15, leaseMs: 60_000 })),
      );
      const claimed = claims.flat().map((e) => e.eventId);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual([...ids].sort());
      for (const e of claims.flat()) await store.forTenant(id!).inbox.settle(e.eventId, 1, { state: 'processed', at });
    });

    it('keeps one cost line per source line: written again it replaces itself, lines gone are removed', async () => {
      const store = current();
      const [a, b] = (await installTenants(store, 'cost-a', 'cost-b')).map((id) => store.forTenant(id));
      const workOrder = { contractId: 'C-1', workOrderNumber: 'WO-1', hostRowId: 17 };
      const lines = [hours('WO-1/hours/0', '90', 9000), hours('WO-1/hours/1', '30', 3000)];
      expect(await a!.costLines.replaceForWorkOrder(workOrder, lines, FAR)).toBe(2);
      expect(await a!.costLines.replaceForWorkOrder(workOrder, lines, FAR)).toBe(2);
      expect(await a!.costLines.forContract('C-1')).toEqual(
        lines.map((line) => ({ ...line, contractId: 'C-1', workOrderNumber: 'WO-1', hostRowId: 17, recordedAt: FAR })),
      );
      await a!.costLines.replaceForWorkOrder(workOrder, [hours('WO-1/hours/0', '120', 12000)], FAR);
      expect((await a!.costLines.forContract('C-1')).map((l) => [l.sourceLineId, l.quantity, l.amount.amount])).toEqual(
        [['WO-1/hours/0', '120', 12000]],
      );
      expect(await b!.costLines.forContract('C-1')).toEqual([]);
      await a!.costLines.replaceForWorkOrder(workOrder, [], FAR);
      expect(await a!.costLines.forContract('C-1')).toEqual([]);
    });

    it('flags the links of a deleted object, and the flag outlives an edit of the contract', async () => {
      const store = current();
      const [id] = await installTenants(store, 'deleted');
      const tenant = store.forTenant(id!);
      await tenant.contracts.create(preventive('C-1', { objectCodes: ['CV-01', 'CV-02'] }), meta());
      await tenant.contracts.create(preventive('C-2', { objectCodes: ['CV-01'] }), meta());
      expect(await tenant.deletedObjects.flag('CV-01', FAR)).toEqual(['C-1', 'C-2']);
      expect(await tenant.deletedObjects.flag('CV-01', FAR)).toEqual(['C-1', 'C-2']);
      expect(await tenant.deletedObjects.flaggedForContract('C-1')).toEqual(['CV-01']);
      const stored = await tenant.contracts.get('C-1');
      await tenant.contracts.update(
        { ...stored!.contract, objectCodes: ['CV-01', 'CV-03'] },
        {
          expectedVersion: stored!.contract.version,
          ...meta(),
        },
      );
      expect(await tenant.deletedObjects.flaggedForContract('C-1')).toEqual(['CV-01']);
      expect(
        await store.forTenant((await installTenants(store, 'other'))[0]!).deletedObjects.flaggedForContract('C-1'),
      ).toEqual([]);
    });
  });
}
