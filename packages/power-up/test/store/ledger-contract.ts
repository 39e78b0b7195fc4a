import type { WorkOrderPlan } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import { describe, expect, it } from 'vitest';
import type { DueClaim, NewLedgerEntry } from '../../src/store/generation-ledger.js';
import type { Store, TenantStore } from '../../src/store/store.js';
import { installTenants, meta, preventive } from './fixtures.js';

/** A pending entry as the generator writes it, for contract `contractId` on `targetDate`. */
function pending(contractId: string, targetDate: string, late = false): NewLedgerEntry {
  const key = `${contractId}|CV-01|${targetDate}`;
  const plan: WorkOrderPlan = {
    key,
    contractId,
    debtorNumber: 'D100',
    objectCodes: ['CV-01'],
    targetDate,
    creationDate: targetDate,
    late,
    timing: { kind: 'deadline', deadline: targetDate },
    workType: 'ONDERHOUD',
    description: 'Jaarlijks onderhoud',
    durationMinutes: 60,
    priorityCode: undefined,
  };
  return { state: 'pending', key, workOrderNumber: workOrderNumberFor(key), plan };
}

function skipped(contractId: string, targetDate: string): NewLedgerEntry {
  const key = `${contractId}|CV-01|${targetDate}`;
  return { state: 'skipped', key, workOrderNumber: workOrderNumberFor(key), targetDate, reason: 'past-catch-up-limit' };
}

const AT = '2026-02-01T10:00:00.000Z';
const T0 = Date.parse('2026-02-01T10:00:05.000Z');

/**
 * The due index's instants in these tests lie in 2001, before anything the rest of the suite writes (2026), and every
 * test purges its tenants when done: claims span tenants, so no test may leave due entries for the next one.
 */
const DUE_AT = '2001-03-01T08:00:00.000Z';
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export type LedgerContractOptions = {
  /** Opens a second store on the same database with its own connections (PostgreSQL); absent for PGlite. */
  openSecondStore?: () => Promise<Store>;
};

/** The generation ledger and the due index, as part of the storage contract (see `store-contract.ts`). */
export function describeLedgerContract(storeOf: () => Store, options: LedgerContractOptions): void {
  async function tenants(...labels: string[]): Promise<TenantStore[]> {
    const ids = await installTenants(storeOf(), ...labels);
    return ids.map((id) => storeOf().forTenant(id));
  }

  /** Runs a due-index test with fresh tenants, purged afterwards whatever happened. */
  async function withDueTenants(labels: string[], test: (...stores: TenantStore[]) => Promise<void>): Promise<void> {
    const stores = await tenants(...labels);
    try {
      await test(...stores);
    } finally {
      for (const tenant of stores) await storeOf().tenants.purge(tenant.tenantId);
    }
  }

  describe('generation ledger', () => {
    it('inserts rows once: a second insert of the same keys returns only the keys it wrote', async () => {
      const [a] = await tenants('ledger');
      const first = [pending('C-1', '2026-03-15'), skipped('C-1', '2025-01-15')];
      expect((await a!.ledger.insert(first, AT)).sort()).toEqual(first.map((entry) => entry.key).sort());
      const second = [pending('C-1', '2026-03-15'), pending('C-1', '2026-04-15', true)];
      expect(await a!.ledger.insert(second, AT)).toEqual(['C-1|CV-01|2026-04-15']);
      expect(await a!.ledger.insert([], AT)).toEqual([]);

      const rows = await a!.ledger.forContract('C-1');
      expect(rows.map((row) => [row.key, row.state, row.late])).toEqual([
        ['C-1|CV-01|2025-01-15', 'skipped', false],
        ['C-1|CV-01|2026-03-15', 'pending', false],
        ['C-1|CV-01|2026-04-15', 'pending', true],
      ]);
      const row = await a!.ledger.get('C-1|CV-01|2026-03-15');
      expect(row).toEqual({
        key: 'C-1|CV-01|2026-03-15',
        contractId: 'C-1',
        state: 'pending',
        workOrderNumber: workOrderNumberFor('C-1|CV-01|2026-03-15'),
        attempts: 0,
        lastAttemptAt: null,
        skipReason: null,
        lastError: null,
        plan: (first[0] as Extract<NewLedgerEntry, { state: 'pending' }>).plan,
        hostId: null,
        targetDate: '2026-03-15',
        creationDate: '2026-03-15',
        late: false,
        hostStatus: null,
        deletedOnHostAt: null,
        recordedAt: AT,
        updatedAt: AT,
      });
      const skip = await a!.ledger.byWorkOrderNumber(workOrderNumberFor('C-1|CV-01|2025-01-15'));
      expect(skip).toMatchObject({
        state: 'skipped',
        skipReason: 'past-catch-up-limit',
        plan: null,
        creationDate: null,
      });
      expect(await a!.ledger.get('C-1|CV-01|2030-01-01')).toBeUndefined();
    });

    it('moves a row only from the state and attempts it was decided on (compare-and-set)', async () => {
      const [a] = await tenants('ledger-cas');
      const { key } = pending('C-1', '2026-03-15');
      await a!.ledger.insert([pending('C-1', '2026-03-15')], AT);

      expect(await a!.ledger.startAttempt(key, 2, T0)).toBe(false);
      expect(await a!.ledger.startAttempt(key, 1, T0)).toBe(true);
      // A second worker that decided on the same row (attempts 0) loses: no second POST.
      expect(await a!.ledger.startAttempt(key, 1, T0 + 1)).toBe(false);
      expect(await a!.ledger.recordError(key, 0, 'stale', AT)).toBe(false);
      expect(await a!.ledger.recordError(key, 1, 'HTTP 503', AT)).toBe(true);
      expect(await a!.ledger.get(key)).toMatchObject({ attempts: 1, lastAttemptAt: T0, lastError: 'HTTP 503' });

      expect(await a!.ledger.markCreated(key, { state: 'pending', attempts: 0 }, 'H-1', AT)).toBe(false);
      expect(await a!.ledger.markCreated(key, { state: 'failed', attempts: 1 }, 'H-1', AT)).toBe(false);
      expect(
        await a!.ledger.markCreated(key, { state: 'pending', attempts: 1 }, 'H-1', '2026-02-01T10:01:00.000Z'),
      ).toBe(true);
      // Created is final: nothing moves it again.
      expect(await a!.ledger.markFailed(key, 1, 'late failure', AT)).toBe(false);
      expect(await a!.ledger.markCreated(key, { state: 'pending', attempts: 1 }, 'H-2', AT)).toBe(false);
      expect(await a!.ledger.startAttempt(key, 2, T0)).toBe(false);
      expect(await a!.ledger.get(key)).toMatchObject({
        state: 'created',
        hostId: 'H-1',
        updatedAt: '2026-02-01T10:01:00.000Z',
      });

      // A failed row: only a look-up that found the number turns it into created.
      const other = pending('C-1', '2026-04-15');
      await a!.ledger.insert([other], AT);
      await a!.ledger.startAttempt(other.key, 1, T0);
      expect(await a!.ledger.markFailed(other.key, 0, 'x', AT)).toBe(false);
      expect(await a!.ledger.markFailed(other.key, 1, 'HTTP 500', AT)).toBe(true);
      expect(await a!.ledger.startAttempt(other.key, 2, T0)).toBe(false);
      expect(await a!.ledger.markCreated(other.key, { state: 'failed', attempts: 1 }, null, AT)).toBe(true);
      expect(await a!.ledger.get(other.key)).toMatchObject({ state: 'created', hostId: null, lastError: 'HTTP 500' });
    });

    it('starts attempts and marks rows created in batches, each row under its own compare-and-set', async () => {
      const [a] = await tenants('ledger-batch');
      const [first, second, third] = [
        pending('C-1', '2026-03-15'),
        pending('C-1', '2026-04-15'),
        pending('C-2', '2026-03-15'),
      ];
      await a!.ledger.insert([first, second, third], AT);
      await a!.ledger.startAttempt(second.key, 1, T0);

      // second already has attempt 1 (its attempt 1 is refused), an unknown key matches nothing.
      const started = await a!.ledger.startAttempts([
        { key: first.key, attempt: 1, startedAt: T0 + 1 },
        { key: second.key, attempt: 1, startedAt: T0 + 1 },
        { key: third.key, attempt: 1, startedAt: T0 + 2 },
        { key: 'C-9|CV-01|2026-03-15', attempt: 1, startedAt: T0 },
      ]);
      expect(started.sort()).toEqual([first.key, third.key].sort());
      expect(await a!.ledger.get(third.key)).toMatchObject({ attempts: 1, lastAttemptAt: T0 + 2 });
      expect(await a!.ledger.get(second.key)).toMatchObject({ attempts: 1, lastAttemptAt: T0 });
      expect(await a!.ledger.startAttempts([])).toEqual([]);

      const marked = await a!.ledger.markCreatedMany(
        [
          { key: first.key, expected: { state: 'pending', attempts: 1 }, hostId: 'H-1' },
          // Decided on attempts 0: stale, so it stays pending.
          { key: second.key, expected: { state: 'pending', attempts: 0 }, hostId: 'H-2' },
          { key: third.key, expected: { state: 'pending', attempts: 1 }, hostId: null },
        ],
        '2026-02-01T10:02:00.000Z',
      );
      expect(marked.sort()).toEqual([first.key, third.key].sort());
      expect(await a!.ledger.get(first.key)).toMatchObject({
        state: 'created',
        hostId: 'H-1',
        updatedAt: '2026-02-01T10:02:00.000Z',
      });
      expect(await a!.ledger.get(second.key)).toMatchObject({ state: 'pending', hostId: null });
      expect(await a!.ledger.get(third.key)).toMatchObject({ state: 'created', hostId: null });

      const rows = await a!.ledger.forContracts(['C-2', 'C-1', 'C-404']);
      expect(rows.map((row) => row.key)).toEqual([first.key, second.key, third.key]);
      expect(await a!.ledger.forContracts([])).toEqual([]);
    });

    it('records host statuses by number and deletions on the host, and counts rows per state', async () => {
      const [a] = await tenants('ledger-status');
      const entries = [pending('C-1', '2026-03-15'), pending('C-1', '2026-04-15'), skipped('C-1', '2025-01-15')];
      await a!.ledger.insert([...entries, pending('C-2', '2026-03-15')], AT);
      const [created] = entries;
      await a!.ledger.startAttempt(created!.key, 1, T0);
      expect(await a!.ledger.markDeletedOnHost(created!.key, AT)).toBe(false);
      await a!.ledger.markCreated(created!.key, { state: 'pending', attempts: 1 }, 'H-9', AT);

      expect(await a!.ledger.setHostStatus(created!.workOrderNumber, 'OPGEHAALD', '2026-02-02T00:00:00.000Z')).toBe(
        true,
      );
      expect(await a!.ledger.setHostStatus('CB-NOSUCHNUMBER', 'OPGEHAALD', AT)).toBe(false);
      expect(await a!.ledger.markDeletedOnHost(created!.key, '2026-02-03T00:00:00.000Z')).toBe(true);
      expect(await a!.ledger.markDeletedOnHost(created!.key, '2026-02-04T00:00:00.000Z')).toBe(false);
      expect(await a!.ledger.get(created!.key)).toMatchObject({
        hostStatus: 'OPGEHAALD',
        deletedOnHostAt: '2026-02-03T00:00:00.000Z',
      });

      expect(await a!.ledger.counts('C-1')).toEqual({ pending: 1, created: 1, skipped: 1, failed: 0 });
      expect(await a!.ledger.counts()).toEqual({ pending: 2, created: 1, skipped: 1, failed: 0 });
      expect(await a!.ledger.counts('C-404')).toEqual({ pending: 0, created: 0, skipped: 0, failed: 0 });
    });

    it("keeps tenants apart: B neither sees nor moves A's rows, and has its own row for the same key", async () => {
      const [a, b] = await tenants('ledger-a', 'ledger-b');
      const entry = pending('C-1', '2026-03-15');
      await a!.ledger.insert([entry], AT);

      expect(await b!.ledger.get(entry.key)).toBeUndefined();
      expect(await b!.ledger.byWorkOrderNumber(entry.workOrderNumber)).toBeUndefined();
      expect(await b!.ledger.forContract('C-1')).toEqual([]);
      expect(await b!.ledger.counts()).toEqual({ pending: 0, created: 0, skipped: 0, failed: 0 });
      expect(await b!.ledger.startAttempt(entry.key, 1, T0)).toBe(false);
      expect(await b!.ledger.setHostStatus(entry.workOrderNumber, 'COMPLEET', AT)).toBe(false);

      expect(await b!.ledger.insert([entry], AT)).toEqual([entry.key]);
      expect(await b!.ledger.startAttempt(entry.key, 1, T0)).toBe(true);
      expect(await a!.ledger.get(entry.key)).toMatchObject({ attempts: 0, hostStatus: null });
    });

    it('refuses rows for a tenant that was never installed', async () => {
      const ghost = storeOf().forTenant('never-installed-ledger');
      await expect(ghost.ledger.insert([pending('C-1', '2026-03-15')], AT)).rejects.toMatchObject({
        code: 'unknown-tenant',
      });
    });
  });

  describe('due index', () => {
    const claim = (store: Store, now: string, owner = 'worker-1', limit = 100, leaseMs = 60_000) =>
      store.dueIndex.claimDue({ now, limit, leaseMs, owner });
    const claimedIds = (claims: DueClaim[], tenant: TenantStore) =>
      claims.filter((c) => c.tenantId === tenant.tenantId).map((c) => c.contractId);

    it('makes a contract due when it is created, edited or terminated, and forgets it when it is deleted', () =>
      withDueTenants(['due-writes'], async (a) => {
        const store = storeOf();
        await a.contracts.create(preventive('C-1'), meta(DUE_AT));
        await a.contracts.create(preventive('C-2'), meta(later(DUE_AT, 1_000)));
        expect(await claim(store, later(DUE_AT, -1))).toEqual([]);
        const first = await claim(store, later(DUE_AT, 500));
        expect(first).toEqual([
          {
            tenantId: a.tenantId,
            contractId: 'C-1',
            dueAt: DUE_AT,
            leaseUntil: later(DUE_AT, 60_500),
            owner: 'worker-1',
            revision: 0,
          },
        ]);
        expect(await store.dueIndex.release(first[0]!, null)).toBe(true);
        expect(await store.dueIndex.countDue('2001-12-31T00:00:00.000Z')).toBeGreaterThanOrEqual(1);

        // Nothing was due for C-1 any more; an edit makes it due at once.
        const editAt = later(DUE_AT, 3_600_000);
        await a.contracts.update(preventive('C-1', { daysInAdvance: 7 }), { expectedVersion: 0, ...meta(editAt) });
        const afterEdit = await claim(store, editAt);
        expect(claimedIds(afterEdit, a)).toEqual(['C-2', 'C-1']);
        expect(afterEdit.find((c) => c.contractId === 'C-1')).toMatchObject({ dueAt: editAt, revision: 1 });
        for (const c of afterEdit) await store.dueIndex.release(c, null);

        // A recorded termination too.
        const terminatedAt = later(DUE_AT, 7_200_000);
        await a.terminations.record(
          { contractId: 'C-2', date: '2001-06-30', lostValue: { amount: 0, currency: 'EUR' } },
          meta(terminatedAt),
        );
        expect(claimedIds(await claim(store, terminatedAt), a)).toEqual(['C-2']);

        await a.contracts.delete('C-1', { expectedVersion: 1, ...meta(terminatedAt) });
        await a.contracts.update(preventive('C-2'), { expectedVersion: 0, ...meta(terminatedAt) });
        // C-1 is gone from the index; C-2's lease still runs (an edit does not take a lease away).
        expect(await claim(store, later(terminatedAt, 1_000))).toEqual([]);
      }));

    it('leases a claim: nobody else gets it until the lease expires, and a release sets the next instant', () =>
      withDueTenants(['due-lease'], async (a) => {
        const store = storeOf();
        await a.contracts.create(preventive('C-1'), meta(DUE_AT));
        const now = later(DUE_AT, 1_000);
        const [held] = await claim(store, now, 'worker-1', 10, 30_000);
        expect(held?.contractId).toBe('C-1');
        expect(await claim(store, now, 'worker-2')).toEqual([]);
        expect(await claim(store, later(now, 29_999), 'worker-2')).toEqual([]);
        // The first worker died: once its lease ran out, another takes the contract over.
        const [taken] = await claim(store, later(now, 30_000), 'worker-2');
        expect(taken).toMatchObject({ contractId: 'C-1', owner: 'worker-2' });
        // The late first worker can no longer release what it lost.
        expect(await store.dueIndex.release(held!, later(DUE_AT, 86_400_000))).toBe(false);

        const next = later(DUE_AT, 86_400_000);
        expect(await store.dueIndex.release(taken!, next)).toBe(true);
        expect(await claim(store, later(next, -1), 'worker-3')).toEqual([]);
        expect(claimedIds(await claim(store, next, 'worker-3'), a)).toEqual(['C-1']);
      }));

    it('releases a batch of claims in one go, each by its own revision and only while still leased', () =>
      withDueTenants(['due-release-many'], async (a) => {
        const store = storeOf();
        // C-1 first: the oldest entry, the one a second worker's claim of one takes.
        await a.contracts.create(preventive('C-1'), meta(later(DUE_AT, -1_000)));
        for (const id of ['C-2', 'C-3']) await a.contracts.create(preventive(id), meta(DUE_AT));
        const claims = await claim(store, DUE_AT, 'worker-1', 10, 30_000);
        const byId = new Map(claims.map((c) => [c.contractId, c]));
        // C-2 is edited while leased; C-3's lease is lost to another worker.
        await a.contracts.update(preventive('C-2', { daysInAdvance: 3 }), { expectedVersion: 0, ...meta(DUE_AT) });
        const [taken] = await claim(store, later(DUE_AT, 30_000), 'worker-2', 1);
        expect(taken?.contractId).toBe('C-1');
        const next = later(DUE_AT, 86_400_000);
        expect(
          await store.dueIndex.releaseMany([
            { claim: byId.get('C-2')!, nextDueAt: next },
            { claim: byId.get('C-3')!, nextDueAt: null },
          ]),
        ).toBe(2);
        // The late release of C-1 (worker-2 holds it now) changes nothing.
        expect(await store.dueIndex.releaseMany([{ claim: byId.get('C-1')!, nextDueAt: next }])).toBe(0);
        expect(await store.dueIndex.releaseMany([])).toBe(0);
        // C-2 stays due at once (edited), C-3 has nothing due, C-1 is still worker-2's.
        expect(claimedIds(await claim(store, later(DUE_AT, 59_000), 'worker-3'), a)).toEqual(['C-2']);
      }));

    it('keeps a contract edited during its lease due at once, whatever the release says', () =>
      withDueTenants(['due-edit-during-lease'], async (a) => {
        const store = storeOf();
        await a.contracts.create(preventive('C-1'), meta(DUE_AT));
        const [held] = await claim(store, DUE_AT);
        // Saved at the same instant it was due: only the revision tells the edit apart.
        await a.contracts.update(preventive('C-1', { daysInAdvance: 3 }), { expectedVersion: 0, ...meta(DUE_AT) });
        expect(await store.dueIndex.release(held!, later(DUE_AT, 86_400_000))).toBe(true);
        expect(await claim(store, DUE_AT)).toMatchObject([{ contractId: 'C-1', dueAt: DUE_AT, revision: 1 }]);
      }));

    it('claims oldest first up to the limit, never for an uninstalled tenant, and schedules by hand', () =>
      withDueTenants(['due-order', 'due-gone'], async (a, gone) => {
        const store = storeOf();
        for (let i = 5; i >= 1; i -= 1) await a.contracts.create(preventive(`C-${i}`), meta(later(DUE_AT, i * 1_000)));
        await gone.contracts.create(preventive('C-0'), meta(DUE_AT));
        await store.tenants.setInstallState(gone.tenantId, { status: 'uninstalled' }, meta(DUE_AT));
        const now = later(DUE_AT, 10_000);
        const ids = (claims: DueClaim[]) => claims.map((c) => `${c.tenantId}/${c.contractId}`);
        // C-0 is the oldest, but its tenant is uninstalled: it is not claimed.
        expect(ids(await claim(store, now, 'w', 2))).toEqual([`${a.tenantId}/C-1`, `${a.tenantId}/C-2`]);
        // A dry run sees what is due, leased or not, and claims nothing; a claim for one tenant takes only its own.
        expect(await store.dueIndex.listDue({ now, limit: 3, tenantId: a.tenantId })).toEqual(
          ['C-1', 'C-2', 'C-3'].map((contractId) => ({ tenantId: a.tenantId, contractId })),
        );
        const forGone = { now, limit: 10, leaseMs: 60_000, owner: 'w', tenantId: gone.tenantId };
        expect(await store.dueIndex.claimDue(forGone)).toEqual([]);
        expect(claimedIds(await claim(store, now, 'w', 10), a)).toEqual(['C-3', 'C-4', 'C-5']);
        expect(await claim(store, now, 'w')).toEqual([]);

        await store.dueIndex.schedule(gone.tenantId, 'C-0', null);
        await store.tenants.setInstallState(
          gone.tenantId,
          { status: 'installed', hostBaseUrl: 'https://host.example' },
          meta(DUE_AT),
        );
        expect(claimedIds(await claim(store, later(now, 120_000), 'w'), gone)).toEqual([]);
        await store.dueIndex.schedule(gone.tenantId, 'C-0', now);
        expect(claimedIds(await claim(store, later(now, 120_000), 'w'), gone)).toEqual(['C-0']);
      }));

    it('never hands the same contract to two concurrent claims', () =>
      withDueTenants(['due-race'], async (a) => {
        const count = 40;
        for (let i = 0; i < count; i += 1) await a.contracts.create(preventive(`C-${i}`), meta(DUE_AT));
        const second = options.openSecondStore === undefined ? undefined : await options.openSecondStore();
        try {
          const stores = second === undefined ? [storeOf()] : [storeOf(), second];
          const now = later(DUE_AT, 1_000);
          const rounds = await Promise.all(
            Array.from({ length: 16 }, (_, i) => claim(stores[i % stores.length]!, now, `worker-${i}`, 4)),
          );
          const claimed = rounds.flatMap((round) => claimedIds(round, a));
          expect(new Set(claimed).size).toBe(claimed.length);
          // What a locked row made a claim skip is still there for the next one.
          const rest = claimedIds(await claim(storeOf(), now, 'sweeper', count), a);
          expect([...claimed, ...rest].sort()).toEqual(Array.from({ length: count }, (_, i) => `C-${i}`).sort());
        } finally {
          await second?.close();
        }
      }));
  });
}
