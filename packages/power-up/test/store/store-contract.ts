import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerUpError, VersionConflictError } from '../../src/power-up-error.js';
import type { Store, TenantStore } from '../../src/store/store.js';
import {
  corrective,
  goldPolicy,
  installTenants,
  meta,
  preventive,
  sha256,
  uniqueTenantId,
  yearTerms,
} from './fixtures.js';
import { describeEventsStoreContract } from './events-store-contract.js';
import { describeLedgerContract, type LedgerContractOptions } from './ledger-contract.js';

/** The working hours of a tenant that has not set its own: Monday to Friday 08:00–17:00. */
const OFFICE_HOURS = {
  mon: [['08:00', '17:00']],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '17:00']],
  sat: [],
  sun: [],
} satisfies Record<string, [string, string][]>;

/** Resolves to the error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<PowerUpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PowerUpError);
    return error as PowerUpError;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/**
 * The storage contract: what every `Store` adapter must do, whatever database is behind it. `openStore` opens the
 * adapter on one and the same database each time it is called (the suite reopens it to prove migrations are
 * idempotent); the suite closes what it opens. `options.openSecondStore` opens another store on the same database with
 * its own connections, where the database allows it (PostgreSQL), for the claims that race.
 */
export function describeStoreContract(
  name: string,
  openStore: () => Promise<Store>,
  options: LedgerContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    async function twoTenants(): Promise<[TenantStore, TenantStore, string, string]> {
      const [a, b] = await installTenants(store, 'a', 'b');
      return [store.forTenant(a!), store.forTenant(b!), a!, b!];
    }

    describe('tenants', () => {
      it('installs a tenant once, with default settings, and finds it again', async () => {
        const [id] = await installTenants(store, 'install');
        const tenant = await store.tenants.get(id!);
        expect(tenant).toEqual({
          id,
          name: 'Tenant install',
          settings: {
            reasonRequired: false,
            catchUpLimitDays: 14,
            notStartedAfterTermination: 'leave',
            timeZone: 'Europe/Amsterdam',
            holidays: 'nl',
            hourTypeRates: {},
            workingHours: OFFICE_HOURS,
          },
          createdAt: '2026-01-15T09:00:00.000Z',
          status: 'installed',
          hostBaseUrl: null,
          uninstalledAt: null,
        });
        expect((await store.tenants.list()).map((t) => t.id)).toContain(id);
        expect((await rejection(store.tenants.create({ id: id!, name: 'again' }, meta()))).code).toBe('already-exists');
      });

      it('refuses a tenant id that could not appear safely in paths and keys', async () => {
        const error = await rejection(store.tenants.create({ id: 'a b/c', name: 'x' }, meta()));
        expect(error.code).toBe('invalid-input');
        expect(error.path).toEqual(['id']);
      });

      it('refuses writes for a tenant that was never installed', async () => {
        const ghost = store.forTenant('never-installed');
        const error = await rejection(ghost.contracts.create(preventive('C-1'), meta()));
        expect(error.code).toBe('unknown-tenant');
        expect(await ghost.contracts.get('C-1')).toBeUndefined();
      });
    });

    describe('contracts', () => {
      it('saves a contract with its first version and object links, and reads it back unchanged', async () => {
        const [a] = await twoTenants();
        const contract = preventive('C-1', {
          objectCodes: ['CV-01', 'CV-02'],
          freeFields: { floor: 3, note: 'sleutel bij buren' },
        });
        const saved = await a.contracts.create(contract, meta());
        expect(saved.contract).toEqual(contract);
        expect(saved.createdAt).toBe('2026-01-15T09:00:00.000Z');
        expect((await a.contracts.get('C-1'))?.contract).toEqual(contract);
        expect(await a.objectLinks.objectCodesForContract('C-1')).toEqual(['CV-01', 'CV-02']);
        expect(await a.objectLinks.contractIdsForObject('CV-02')).toEqual(['C-1']);
        const versions = await a.contracts.versions('C-1');
        expect(versions).toEqual([
          {
            contractId: 'C-1',
            version: 0,
            contract,
            effectiveFrom: '2026-01-15T09:00:00.000Z',
            recordedBy: 'user:anna',
          },
        ]);
        // Several contracts' versions at once leave out ids without any.
        expect(await a.contracts.versionsOfMany(['C-404', 'C-1'])).toEqual(new Map([['C-1', versions]]));
        expect(await a.contracts.versionsOfMany([])).toEqual(new Map());
      });

      it('refuses a second contract with the same id in one tenant', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        const error = await rejection(a.contracts.create(corrective('C-1'), meta()));
        expect(error.code).toBe('already-exists');
        expect((await a.contracts.get('C-1'))?.contract.type).toBe('preventive');
      });

      it('writes a new contract with its version, links and audit entry together, and nothing of a refused one', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1', { objectCodes: ['CV-01'] }), meta());
        const error = await rejection(a.contracts.create(preventive('C-1', { objectCodes: ['CV-02'] }), meta()));
        expect(error.code).toBe('already-exists');
        expect((await a.contracts.versions('C-1')).map((version) => version.contract.objectCodes)).toEqual([['CV-01']]);
        expect(await a.objectLinks.contractIdsForObject('CV-02')).toEqual([]);
        const audit = (await a.audit.list({ entity: { type: 'contract', id: 'C-1' } })).items;
        expect(audit.map(({ actor, action, at, details }) => ({ actor, action, at, details }))).toEqual([
          { actor: 'user:anna', action: 'contract.created', at: '2026-01-15T09:00:00.000Z', details: { version: 0 } },
        ]);
      });

      it('reads what is stored now: an edit, and a contract deleted and created again under its id', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        expect((await a.contracts.get('C-1'))?.contract.daysInAdvance).not.toBe(9);
        await a.contracts.update(preventive('C-1', { daysInAdvance: 9 }), { expectedVersion: 0, ...meta() });
        expect((await a.contracts.get('C-1'))?.contract).toMatchObject({ version: 1, daysInAdvance: 9 });
        await a.contracts.delete('C-1', { expectedVersion: 1, ...meta() });
        await a.contracts.create(corrective('C-1'), meta());
        const again = (await a.contracts.list()).items.map((stored) => stored.contract);
        expect(again).toEqual([corrective('C-1')]);
        expect((await a.contracts.versions('C-1')).map((version) => version.contract)).toEqual([corrective('C-1')]);
      });

      it('keeps every version with the moment it took effect, and moves object links along', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta('2026-01-01T08:00:00.000Z'));
        const edited = await a.contracts.update(preventive('C-1', { daysInAdvance: 7, objectCodes: ['CV-09'] }), {
          expectedVersion: 0,
          ...meta('2026-02-01T08:00:00.000Z', 'user:bram'),
        });
        expect(edited.contract.version).toBe(1);
        expect(edited.contract.daysInAdvance).toBe(7);
        expect(edited.updatedAt).toBe('2026-02-01T08:00:00.000Z');
        const versions = await a.contracts.versions('C-1');
        expect(versions.map((v) => [v.version, v.contract.daysInAdvance, v.effectiveFrom, v.recordedBy])).toEqual([
          [0, 0, '2026-01-01T08:00:00.000Z', 'user:anna'],
          [1, 7, '2026-02-01T08:00:00.000Z', 'user:bram'],
        ]);
        expect(await a.objectLinks.contractIdsForObject('CV-01')).toEqual([]);
        expect(await a.objectLinks.contractIdsForObject('CV-09')).toEqual(['C-1']);
      });

      it('deletes a contract with its versions and links, keeping the audit record', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        await a.contracts.delete('C-1', { expectedVersion: 0, ...meta() });
        expect(await a.contracts.get('C-1')).toBeUndefined();
        expect(await a.contracts.versions('C-1')).toEqual([]);
        expect(await a.objectLinks.contractIdsForObject('CV-01')).toEqual([]);
        const audit = await a.audit.list({ entity: { type: 'contract', id: 'C-1' } });
        expect(audit.items.map((entry) => entry.action)).toEqual(['contract.deleted', 'contract.created']);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses an edit made on an older version, naming both versions, and changes nothing', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        await a.contracts.update(preventive('C-1', { daysInAdvance: 3 }), { expectedVersion: 0, ...meta() });
        const error = await rejection(
          a.contracts.update(preventive('C-1', { daysInAdvance: 9 }), { expectedVersion: 0, ...meta() }),
        );
        expect(error).toBeInstanceOf(VersionConflictError);
        expect(error.code).toBe('version-conflict');
        expect(error).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
        expect(error.message).toMatch(/reload/);
        expect((await a.contracts.get('C-1'))?.contract.daysInAdvance).toBe(3);
        expect(await a.contracts.versions('C-1')).toHaveLength(2);
      });

      it('lets exactly one of two simultaneous edits of the same version win', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        const results = await Promise.allSettled([
          a.contracts.update(preventive('C-1', { daysInAdvance: 1 }), { expectedVersion: 0, ...meta() }),
          a.contracts.update(preventive('C-1', { daysInAdvance: 2 }), { expectedVersion: 0, ...meta() }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(lost.reason).toBeInstanceOf(VersionConflictError);
        expect(await a.contracts.versions('C-1')).toHaveLength(2);
      });

      it('refuses a stale delete, and says not-found for a contract that is gone', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        await a.contracts.update(preventive('C-1'), { expectedVersion: 0, ...meta() });
        expect((await rejection(a.contracts.delete('C-1', { expectedVersion: 0, ...meta() }))).code).toBe(
          'version-conflict',
        );
        await a.contracts.delete('C-1', { expectedVersion: 1, ...meta() });
        expect((await rejection(a.contracts.update(preventive('C-1'), { expectedVersion: 1, ...meta() }))).code).toBe(
          'not-found',
        );
      });
    });

    describe('listing contracts', () => {
      it('pages through every contract exactly once, stable while rows are added and removed', async () => {
        const [a] = await twoTenants();
        for (const n of [2, 4, 6, 8, 10, 12, 14])
          await a.contracts.create(preventive(`C-${String(n).padStart(3, '0')}`), meta());
        const seen: string[] = [];
        let page = await a.contracts.list({ limit: 3 });
        seen.push(...page.items.map((s) => s.contract.id));
        // Meanwhile: one added before the cursor, one after it, and one not yet seen removed.
        await a.contracts.create(preventive('C-001'), meta());
        await a.contracts.create(preventive('C-011'), meta());
        await a.contracts.delete('C-008', { expectedVersion: 0, ...meta() });
        while (page.nextCursor !== null) {
          page = await a.contracts.list({ limit: 3, cursor: page.nextCursor });
          seen.push(...page.items.map((s) => s.contract.id));
        }
        expect(seen).toEqual(['C-002', 'C-004', 'C-006', 'C-010', 'C-011', 'C-012', 'C-014']);
      });

      it('gives the same contracts in the same order whatever the page size and filter', async () => {
        const [a] = await twoTenants();
        const ids = ['Z9', 'a1', 'A2', 'c-10', 'c-2', 'C-3', 'b', 'B_1', 'x.y', '0', '10', '9', 'ø-1', 'é', 'e'];
        for (const [i, id] of ids.entries()) {
          await a.contracts.create(preventive(id, { debtorNumber: i % 3 === 0 ? 'D1' : 'D2' }), meta());
        }
        const order = async (debtorNumber: string | undefined) =>
          (await a.contracts.list({ limit: 200, filters: debtorNumber ? { debtorNumber } : {} })).items.map(
            (s) => s.contract.id,
          );
        const expected = { all: await order(undefined), D1: await order('D1') };
        expect([...expected.all].sort()).toEqual([...ids].sort());
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 16 }), fc.constantFrom('all', 'D1'), async (limit, filter) => {
            const seen: string[] = [];
            let cursor: string | undefined;
            do {
              const page = await a.contracts.list({
                limit,
                ...(cursor ? { cursor } : {}),
                filters: filter === 'D1' ? { debtorNumber: 'D1' } : {},
              });
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...page.items.map((s) => s.contract.id));
              cursor = page.nextCursor ?? undefined;
            } while (cursor !== undefined);
            expect(seen).toEqual(expected[filter]);
          }),
          { numRuns: 12 },
        );
      });

      it('ends with a null cursor, and refuses a made-up cursor or page size', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        expect(await a.contracts.list({ limit: 1 })).toMatchObject({ nextCursor: null });
        expect((await rejection(a.contracts.list({ cursor: 'not-a-cursor' }))).path).toEqual(['cursor']);
        expect((await rejection(a.contracts.list({ limit: 0 }))).path).toEqual(['limit']);
        expect((await rejection(a.contracts.list({ limit: 201 }))).path).toEqual(['limit']);
      });

      it('filters by customer, type, terms, SLA policy, object, text, termination and start date', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(
          preventive('C-1', {
            debtorNumber: 'D1',
            termsCode: 'JAAR',
            workOrder: { workType: 'Onderhoud', description: 'CV-ketel 100% controle' },
          }),
          meta(),
        );
        await a.contracts.create(
          preventive('C-2', { debtorNumber: 'D2', startDate: '2026-06-01', objectCodes: ['LIFT-7'] }),
          meta(),
        );
        await a.contracts.create(
          corrective('C-3', {
            debtorNumber: 'D1',
            slaPolicyCode: 'GOUD',
            termination: { date: '2025-06-30', reasonCode: 'PRIJS', reasonLabel: 'Te duur' },
          }),
          meta(),
        );
        const ids = async (filters: Parameters<TenantStore['contracts']['list']>[0]) =>
          (await a.contracts.list(filters)).items.map((s) => s.contract.id);
        expect(await ids({ filters: { debtorNumber: 'D1' } })).toEqual(['C-1', 'C-3']);
        expect(await ids({ filters: { type: 'corrective' } })).toEqual(['C-3']);
        expect(await ids({ filters: { termsCode: 'JAAR' } })).toEqual(['C-1']);
        expect(await ids({ filters: { slaPolicyCode: 'GOUD' } })).toEqual(['C-3']);
        expect(await ids({ filters: { objectCode: 'LIFT-7' } })).toEqual(['C-2']);
        expect(await ids({ filters: { text: 'ketel' } })).toEqual(['C-1']);
        expect(await ids({ filters: { text: '100%' } })).toEqual(['C-1']);
        expect(await ids({ filters: { text: '%' } })).toEqual(['C-1']);
        expect(await ids({ filters: { text: 'c-2' } })).toEqual(['C-2']);
        expect(await ids({ filters: { terminated: true } })).toEqual(['C-3']);
        expect(await ids({ filters: { terminated: false } })).toEqual(['C-1', 'C-2']);
        expect(await ids({ filters: { startDate: { to: '2026-01-01' } } })).toEqual(['C-1', 'C-3']);
        expect(await ids({ filters: { startDate: { from: '2026-01-01' } } })).toEqual(['C-2']);
        expect(await ids({ filters: { debtorNumber: 'D1', type: 'preventive' } })).toEqual(['C-1']);
      });
    });

    describe('tenant settings', () => {
      it('replaces them whole (left-out fields take their default), per tenant, in the audit trail', async () => {
        const [a, b, aId] = await twoTenants();
        const rates = { '001': { amount: 6500, currency: 'EUR' } };
        const workingHours = { ...OFFICE_HOURS, fri: [['08:00', '12:00']] as [string, string][] };
        const saved = await a.settings.put(
          { reasonRequired: true, holidays: ['2026-12-24'], hourTypeRates: rates, workingHours },
          meta(),
        );
        expect(saved).toEqual({
          reasonRequired: true,
          catchUpLimitDays: 14,
          notStartedAfterTermination: 'leave',
          timeZone: 'Europe/Amsterdam',
          holidays: ['2026-12-24'],
          hourTypeRates: rates,
          workingHours,
        });
        expect(await a.settings.get()).toEqual(saved);
        expect((await store.tenants.get(aId))?.settings).toEqual(saved);
        expect((await b.settings.get()).reasonRequired).toBe(false);
        expect((await a.settings.put({ catchUpLimitDays: 3 }, meta())).reasonRequired).toBe(false);
        const audit = await a.audit.list({ entity: { type: 'tenant', id: aId } });
        expect(audit.items.map((entry) => entry.action)).toContain('tenant.settings-updated');
        const bad = await rejection(a.settings.put({ catchUpLimitDays: -1 }, meta()));
        expect([bad.code, bad.path]).toEqual(['invalid-input', ['catchUpLimitDays']]);
        const backwards = await rejection(
          a.settings.put({ workingHours: { ...OFFICE_HOURS, mon: [['17:00', '08:00']] } }, meta()),
        );
        expect([backwards.code, backwards.path]).toEqual(['invalid-input', ['workingHours', 'mon', '0']]);
        expect((await a.settings.get()).workingHours).toEqual(OFFICE_HOURS);
        const nobody = store.forTenant('never-installed');
        expect((await rejection(nobody.settings.get())).code).toBe('unknown-tenant');
        expect((await rejection(nobody.settings.put({}, meta()))).code).toBe('unknown-tenant');
      });
    });

    describe('settings', () => {
      it('keeps terms and SLA policies by code, and refuses to delete them while a contract uses them', async () => {
        const [a] = await twoTenants();
        await a.terms.put(yearTerms(), meta());
        await a.terms.put(yearTerms('JAAR', 'Jaarcontract (nieuw)'), meta());
        expect((await a.terms.get('JAAR'))?.name).toBe('Jaarcontract (nieuw)');
        await a.slaPolicies.put(goldPolicy(), meta());
        expect(await a.slaPolicies.list()).toEqual([goldPolicy()]);
        await a.contracts.create(preventive('C-1', { termsCode: 'JAAR' }), meta());
        await a.contracts.create(corrective('C-2', { slaPolicyCode: 'GOUD' }), meta());
        expect(await a.terms.usageCount('JAAR')).toBe(1);
        const inUse = await rejection(a.terms.delete('JAAR', meta()));
        expect(inUse.code).toBe('in-use');
        expect(inUse.message).toMatch(/1 contract/);
        expect((await rejection(a.slaPolicies.delete('GOUD', meta()))).code).toBe('in-use');
        await a.contracts.update(preventive('C-1'), { expectedVersion: 0, ...meta() });
        await a.terms.delete('JAAR', meta());
        expect(await a.terms.list()).toEqual([]);
        expect((await rejection(a.terms.delete('JAAR', meta()))).code).toBe('not-found');
      });

      it('archives a used cancellation reason instead of deleting it, and history keeps the old label', async () => {
        const [a] = await twoTenants();
        await a.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta());
        await a.cancellationReasons.put({ code: 'OUD', label: 'Niet meer gebruikt', archived: false }, meta());
        await a.terminations.record(
          {
            contractId: 'C-1',
            date: '2026-03-31',
            reasonCode: 'PRIJS',
            reasonLabel: 'Te duur',
            lostValue: { amount: 120_000, currency: 'EUR' },
          },
          meta(),
        );
        await a.cancellationReasons.put({ code: 'PRIJS', label: 'Prijs te hoog', archived: false }, meta());
        expect((await a.terminations.forContract('C-1'))?.reasonLabel).toBe('Te duur');
        expect(await a.cancellationReasons.usageCount('PRIJS')).toBe(1);

        const refused = await rejection(a.cancellationReasons.delete('PRIJS', meta()));
        expect(refused.code).toBe('in-use');
        expect(refused.message).toMatch(/archive it instead/);
        const archived = await a.cancellationReasons.archive('PRIJS', meta());
        expect(archived).toEqual({ code: 'PRIJS', label: 'Prijs te hoog', archived: true });
        expect((await a.cancellationReasons.list()).map((r) => r.code)).toEqual(['OUD']);
        expect((await a.cancellationReasons.list({ includeArchived: true })).map((r) => r.code)).toEqual([
          'OUD',
          'PRIJS',
        ]);

        await a.cancellationReasons.delete('OUD', meta());
        expect(await a.cancellationReasons.get('OUD')).toBeUndefined();
        expect((await rejection(a.cancellationReasons.archive('OUD', meta()))).code).toBe('not-found');
      });
    });

    describe('terminations', () => {
      it('keeps one termination per contract with whole cents, listed by date within bounds', async () => {
        const [a] = await twoTenants();
        const big = 9_007_199_254_740_991; // the largest whole number a JS number holds exactly
        await a.terminations.record(
          { contractId: 'C-2', date: '2026-05-01', lostValue: { amount: big, currency: 'EUR' } },
          meta(),
        );
        await a.terminations.record(
          { contractId: 'C-1', date: '2026-04-01', remark: 'verhuisd', lostValue: { amount: 1, currency: 'EUR' } },
          meta(),
        );
        await a.terminations.record(
          { contractId: 'C-1', date: '2026-04-15', lostValue: { amount: 250, currency: 'EUR' } },
          meta(),
        );
        const all = await a.terminations.list();
        expect(all.map((t) => [t.contractId, t.date, t.lostValue.amount])).toEqual([
          ['C-1', '2026-04-15', 250],
          ['C-2', '2026-05-01', big],
        ]);
        expect(all[0]).toEqual({
          contractId: 'C-1',
          date: '2026-04-15',
          lostValue: { amount: 250, currency: 'EUR' },
          recordedAt: '2026-01-15T09:00:00.000Z',
          recordedBy: 'user:anna',
        });
        expect((await a.terminations.list({ from: '2026-04-16', to: '2026-05-01' })).map((t) => t.contractId)).toEqual([
          'C-2',
        ]);
        expect(
          (
            await rejection(
              a.terminations.record(
                { contractId: 'C-3', date: '2026-01-01', lostValue: { amount: 1.5, currency: 'EUR' } },
                meta(),
              ),
            )
          ).path,
        ).toEqual(['lostValue', 'amount']);
      });
    });

    describe('API keys', () => {
      it('stores only a hash, resolves a live key to its tenant, and stops resolving it once revoked', async () => {
        const [a, , tenantA] = await twoTenants();
        const secret = `cbk_${tenantA}_s3cr3t`;
        const plain = await rejection(
          a.apiKeys.create({ id: 'k1', name: 'CI', hint: 'cr3t', keyHash: secret }, meta()),
        );
        expect(plain.code).toBe('invalid-input');
        expect(plain.message).not.toContain(secret);

        const created = await a.apiKeys.create({ id: 'k1', name: 'CI', hint: 'cr3t', keyHash: sha256(secret) }, meta());
        expect(created).toEqual({
          id: 'k1',
          name: 'CI',
          hint: 'cr3t',
          createdAt: '2026-01-15T09:00:00.000Z',
          revokedAt: null,
        });
        expect(JSON.stringify(await a.apiKeys.list())).not.toContain(sha256(secret));
        expect(await store.tenants.findApiKeyByHash(sha256(secret))).toEqual({
          tenantId: tenantA,
          keyId: 'k1',
          name: 'CI',
        });
        expect(await store.tenants.findApiKeyByHash(sha256('guess'))).toBeUndefined();

        const revoked = await a.apiKeys.revoke('k1', meta('2026-02-01T00:00:00.000Z'));
        expect(revoked.revokedAt).toBe('2026-02-01T00:00:00.000Z');
        // Revoking again keeps the first moment.
        expect((await a.apiKeys.revoke('k1', meta('2026-03-01T00:00:00.000Z'))).revokedAt).toBe(
          '2026-02-01T00:00:00.000Z',
        );
        expect(await store.tenants.findApiKeyByHash(sha256(secret))).toBeUndefined();
      });

      it('resolves a live key to its tenant in one read, and stops at once when it is revoked or the tenant leaves', async () => {
        const [a, b, tenantA, tenantB] = await twoTenants();
        await a.apiKeys.create({ id: 'k1', name: 'CI', hint: 'aaaa', keyHash: sha256(`h-${tenantA}`) }, meta());
        await b.apiKeys.create({ id: 'k1', name: 'B', hint: 'bbbb', keyHash: sha256(`h-${tenantB}`) }, meta());
        expect(await store.tenants.findApiKeyHolder(sha256(`h-${tenantA}`))).toEqual({
          keyId: 'k1',
          name: 'CI',
          tenant: await store.tenants.get(tenantA),
        });
        expect((await store.tenants.findApiKeyHolder(sha256(`h-${tenantB}`)))?.tenant.id).toBe(tenantB);
        expect(await store.tenants.findApiKeyHolder(sha256('guess'))).toBeUndefined();

        await store.tenants.setInstallState(tenantB, { status: 'uninstalled' }, meta('2026-01-20T00:00:00.000Z'));
        const leaving = await store.tenants.findApiKeyHolder(sha256(`h-${tenantB}`));
        expect(leaving?.tenant.status).toBe('uninstalled');

        await a.apiKeys.revoke('k1', meta('2026-02-01T00:00:00.000Z'));
        expect(await store.tenants.findApiKeyHolder(sha256(`h-${tenantA}`))).toBeUndefined();
        expect((await rejection(store.tenants.findApiKeyHolder('not-a-hash'))).code).toBe('invalid-input');
      });

      it("reads a contract along with the key, only ever the key's own tenant's, and none for a dead key", async () => {
        const [a, b, tenantA, tenantB] = await twoTenants();
        await a.apiKeys.create({ id: 'k1', name: 'A', hint: 'aaaa', keyHash: sha256(`ra-${tenantA}`) }, meta());
        await b.apiKeys.create({ id: 'k1', name: 'B', hint: 'bbbb', keyHash: sha256(`ra-${tenantB}`) }, meta());
        const saved = await a.contracts.create(preventive('C-1'), meta());
        await b.contracts.create(preventive('C-2'), meta());

        const holder = await store.tenants.findApiKeyHolder(sha256(`ra-${tenantA}`), { contractId: 'C-1' });
        expect(holder?.tenant).toEqual(await store.tenants.get(tenantA));
        expect(holder?.readAlong).toEqual({ contractId: 'C-1', contract: saved });
        expect(holder?.readAlong?.contract).toEqual(await a.contracts.get('C-1'));
        // Tenant B's C-2 exists, yet A's key reads none: the same answer as for an id nobody has.
        expect(
          (await store.tenants.findApiKeyHolder(sha256(`ra-${tenantA}`), { contractId: 'C-2' }))?.readAlong,
        ).toEqual({ contractId: 'C-2', contract: undefined });
        expect(
          (await store.tenants.findApiKeyHolder(sha256(`ra-${tenantB}`), { contractId: 'C-1' }))?.readAlong,
        ).toEqual({ contractId: 'C-1', contract: undefined });
        expect((await store.tenants.findApiKeyHolder(sha256(`ra-${tenantA}`)))?.readAlong).toBeUndefined();

        await a.apiKeys.revoke('k1', meta('2026-02-01T00:00:00.000Z'));
        expect(await store.tenants.findApiKeyHolder(sha256(`ra-${tenantA}`), { contractId: 'C-1' })).toBeUndefined();
      });

      it('refuses a hash that another tenant already uses', async () => {
        const [a, b] = await twoTenants();
        await a.apiKeys.create({ id: 'k1', name: 'one', hint: 'xxxx', keyHash: sha256('same') }, meta());
        expect(
          (await rejection(b.apiKeys.create({ id: 'k2', name: 'two', hint: 'xxxx', keyHash: sha256('same') }, meta())))
            .code,
        ).toBe('already-exists');
        expect(await b.apiKeys.list()).toEqual([]);
      });

      it("revokes all of one tenant's live keys at once, leaving the other tenant's working", async () => {
        const [a, b, tenantA, tenantB] = await twoTenants();
        await a.apiKeys.create({ id: 'k1', name: 'one', hint: 'aaaa', keyHash: sha256(`1-${tenantA}`) }, meta());
        await a.apiKeys.create({ id: 'k2', name: 'two', hint: 'bbbb', keyHash: sha256(`2-${tenantA}`) }, meta());
        await a.apiKeys.revoke('k1', meta('2026-01-20T00:00:00.000Z'));
        await b.apiKeys.create({ id: 'k1', name: 'b', hint: 'cccc', keyHash: sha256(`1-${tenantB}`) }, meta());
        expect(await a.apiKeys.revokeAll(meta('2026-02-01T00:00:00.000Z'))).toBe(1);
        expect((await a.apiKeys.list()).map((key) => key.revokedAt)).toEqual([
          '2026-01-20T00:00:00.000Z',
          '2026-02-01T00:00:00.000Z',
        ]);
        expect(await store.tenants.findApiKeyByHash(sha256(`2-${tenantA}`))).toBeUndefined();
        expect((await store.tenants.findApiKeyByHash(sha256(`1-${tenantB}`)))?.tenantId).toBe(tenantB);
      });
    });

    describe('install lifecycle', () => {
      const sealed = (n: number) => ({ keyId: `key-${n}`, iv: `iv${n}`, authTag: `tag${n}`, ciphertext: `ct${n}` });

      it('keeps the host URL, marks a tenant uninstalled once, and installs it again', async () => {
        const id = uniqueTenantId('lifecycle');
        const created = await store.tenants.create({ id, name: 'Old', hostBaseUrl: 'https://a.example/api' }, meta());
        expect(created).toMatchObject({
          status: 'installed',
          hostBaseUrl: 'https://a.example/api',
          uninstalledAt: null,
        });

        const gone = await store.tenants.setInstallState(
          id,
          { status: 'uninstalled' },
          meta('2026-02-01T00:00:00.000Z'),
        );
        expect(gone).toMatchObject({ status: 'uninstalled', uninstalledAt: '2026-02-01T00:00:00.000Z' });
        // A repeated uninstall keeps the first moment: the retention period is counted from it.
        await store.tenants.setInstallState(id, { status: 'uninstalled' }, meta('2026-03-01T00:00:00.000Z'));
        expect((await store.tenants.get(id))?.uninstalledAt).toBe('2026-02-01T00:00:00.000Z');

        const back = await store.tenants.setInstallState(
          id,
          { status: 'installed', name: 'New', hostBaseUrl: 'https://b.example/api' },
          meta('2026-03-02T00:00:00.000Z'),
        );
        expect(back).toMatchObject({
          name: 'New',
          status: 'installed',
          hostBaseUrl: 'https://b.example/api',
          uninstalledAt: null,
          createdAt: '2026-01-15T09:00:00.000Z',
        });
        const actions = (await store.forTenant(id).audit.list({ entity: { type: 'tenant' } })).items.map(
          (e) => e.action,
        );
        expect(actions).toEqual(['tenant.installed', 'tenant.uninstalled', 'tenant.uninstalled', 'tenant.created']);

        const missing = await rejection(
          store.tenants.setInstallState('no-such-tenant', { status: 'uninstalled' }, meta()),
        );
        expect(missing).toMatchObject({ code: 'not-found', path: ['tenantId'] });
      });

      it('keeps one sealed credentials record per tenant, replaced whole, removed on request', async () => {
        const [a, b] = await twoTenants();
        expect(await a.credentials.get()).toBeUndefined();
        expect(await a.credentials.put(sealed(1), meta())).toEqual({
          sealed: sealed(1),
          updatedAt: '2026-01-15T09:00:00.000Z',
        });
        await a.credentials.put(sealed(2), meta('2026-02-01T00:00:00.000Z'));
        expect(await a.credentials.get()).toEqual({ sealed: sealed(2), updatedAt: '2026-02-01T00:00:00.000Z' });
        expect(await b.credentials.get()).toBeUndefined();

        await b.credentials.put(sealed(3), meta());
        expect(await a.credentials.delete(meta())).toBe(true);
        expect(await a.credentials.delete(meta())).toBe(false);
        expect(await a.credentials.get()).toBeUndefined();
        expect((await b.credentials.get())?.sealed).toEqual(sealed(3));

        const audit = await a.audit.list({ entity: { type: 'credentials' } });
        expect(audit.items.map((entry) => [entry.action, entry.details])).toEqual([
          ['credentials.removed', {}],
          ['credentials.stored', { keyId: 'key-2' }],
          ['credentials.stored', { keyId: 'key-1' }],
        ]);
        expect((await rejection(store.forTenant('never-installed').credentials.put(sealed(1), meta()))).code).toBe(
          'unknown-tenant',
        );
      });

      it('accepts a request id once, and forgets ids older than a moment', async () => {
        const first = `req-${uniqueTenantId('r')}`;
        const second = `req-${uniqueTenantId('r')}`;
        expect(await store.tenants.claimRequest(first, '2026-01-15T09:00:00.000Z')).toBe(true);
        expect(await store.tenants.claimRequest(first, '2026-01-15T09:00:01.000Z')).toBe(false);
        expect(await store.tenants.claimRequest(second, '2026-01-15T10:00:00.000Z')).toBe(true);
        expect(await store.tenants.forgetRequestsBefore('2026-01-15T09:30:00.000Z')).toBeGreaterThanOrEqual(1);
        expect(await store.tenants.claimRequest(first, '2026-01-15T11:00:00.000Z')).toBe(true);
        expect(await store.tenants.claimRequest(second, '2026-01-15T11:00:00.000Z')).toBe(false);
      });

      it('writes a claimed request, a tenant and its credentials together, or none of them', async () => {
        const id = uniqueTenantId('atomic');
        const requestId = `req-${id}`;
        const failure = new Error('the vault failed halfway');
        await expect(
          store.transaction(async (tx) => {
            expect(await tx.tenants.claimRequest(requestId, meta().at)).toBe(true);
            await tx.tenants.create({ id, name: 'Atomic' }, meta());
            await tx.forTenant(id).credentials.put(sealed(1), meta());
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.tenants.get(id)).toBeUndefined();
        expect(await store.forTenant(id).credentials.get()).toBeUndefined();

        await store.transaction(async (tx) => {
          expect(await tx.tenants.claimRequest(requestId, meta().at)).toBe(true);
          await tx.tenants.create({ id, name: 'Atomic' }, meta());
          await tx.forTenant(id).credentials.put(sealed(1), meta());
          await expect(tx.close()).rejects.toBeInstanceOf(PowerUpError);
        });
        expect((await store.forTenant(id).credentials.get())?.sealed).toEqual(sealed(1));
        expect(await store.tenants.claimRequest(requestId, meta().at)).toBe(false);
      });

      it("purges a tenant with every row it owns, and nothing of another tenant's", async () => {
        const [a, b, tenantA, tenantB] = await twoTenants();
        for (const tenant of [a, b]) {
          await tenant.contracts.create(preventive('C-1'), meta());
          await tenant.credentials.put(sealed(1), meta());
          await tenant.apiKeys.create(
            { id: 'k1', name: 'k', hint: 'xxxx', keyHash: sha256(`p-${tenant.tenantId}`) },
            meta(),
          );
        }
        expect(await store.tenants.purge(tenantA)).toBe(true);
        expect(await store.tenants.purge(tenantA)).toBe(false);
        expect(await store.tenants.get(tenantA)).toBeUndefined();
        expect(await a.contracts.get('C-1')).toBeUndefined();
        expect(await a.credentials.get()).toBeUndefined();
        expect((await a.audit.list()).items).toEqual([]);
        expect(await store.tenants.findApiKeyByHash(sha256(`p-${tenantA}`))).toBeUndefined();
        expect((await b.contracts.get('C-1'))?.contract).toEqual(preventive('C-1'));
        expect(await b.credentials.get()).toBeDefined();
        expect((await store.tenants.findApiKeyByHash(sha256(`p-${tenantB}`)))?.tenantId).toBe(tenantB);
      });

      it('answers a ping while the database is up', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('audit trail', () => {
      it('records every change with actor and time, newest first, paged', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta('2026-01-01T00:00:00.000Z', 'user:anna'));
        await a.contracts.update(preventive('C-1'), {
          expectedVersion: 0,
          ...meta('2026-01-02T00:00:00.000Z', 'user:bram'),
        });
        await a.terms.put(yearTerms(), meta());
        await a.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta());
        await a.audit.append({
          at: '2026-01-03T00:00:00.000Z',
          actor: 'system',
          action: 'contract.refreshed',
          entity: { type: 'contract', id: 'C-1' },
          details: { workOrders: 4 },
        });

        const contractTrail = await a.audit.list({ entity: { type: 'contract', id: 'C-1' } });
        expect(contractTrail.items.map((e) => [e.action, e.actor, e.at])).toEqual([
          ['contract.refreshed', 'system', '2026-01-03T00:00:00.000Z'],
          ['contract.updated', 'user:bram', '2026-01-02T00:00:00.000Z'],
          ['contract.created', 'user:anna', '2026-01-01T00:00:00.000Z'],
        ]);
        expect(contractTrail.items[0]?.details).toEqual({ workOrders: 4 });
        expect(contractTrail.items[1]?.details).toEqual({ version: 1 });

        const first = await a.audit.list({ limit: 2 });
        const second = await a.audit.list({ limit: 2, cursor: first.nextCursor! });
        const third = await a.audit.list({ limit: 2, cursor: second.nextCursor! });
        const actions = [...first.items, ...second.items, ...third.items].map((e) => e.action);
        // The tenant's own installation entry is the oldest.
        expect(actions).toEqual([
          'contract.refreshed',
          'cancellation-reason.put',
          'terms.put',
          'contract.updated',
          'contract.created',
          'tenant.created',
        ]);
        expect(third.nextCursor).toBeNull();
      });
    });

    describe('transactions', () => {
      it('writes nothing when the function throws halfway, and rethrows its error', async () => {
        const [a] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        const before = (await a.audit.list()).items.length;
        const boom = new Error('host said no');
        await expect(
          a.transaction(async (tx) => {
            await tx.contracts.update(preventive('C-1', { daysInAdvance: 5 }), { expectedVersion: 0, ...meta() });
            await tx.contracts.create(preventive('C-2'), meta());
            await tx.terms.put(yearTerms(), meta());
            await tx.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta());
            await tx.terminations.record(
              { contractId: 'C-1', date: '2026-01-31', lostValue: { amount: 10, currency: 'EUR' } },
              meta(),
            );
            await tx.apiKeys.create({ id: 'k1', name: 'x', hint: 'x', keyHash: sha256(`k-${a.tenantId}`) }, meta());
            await tx.audit.append({ ...meta(), action: 'custom', entity: { type: 'contract', id: 'C-1' } });
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect((await a.contracts.get('C-1'))?.contract.version).toBe(0);
        expect(await a.contracts.versions('C-1')).toHaveLength(1);
        expect(await a.contracts.get('C-2')).toBeUndefined();
        expect(await a.objectLinks.contractIdsForObject('CV-01')).toEqual(['C-1']);
        expect(await a.terms.list()).toEqual([]);
        expect(await a.cancellationReasons.list({ includeArchived: true })).toEqual([]);
        expect(await a.terminations.list()).toEqual([]);
        expect(await a.apiKeys.list()).toEqual([]);
        expect((await a.audit.list()).items).toHaveLength(before);
      });

      it('commits everything together on return, and a nested transaction joins the outer one', async () => {
        const [a] = await twoTenants();
        const result = await a.transaction(async (tx) => {
          await tx.contracts.create(preventive('C-1'), meta());
          await tx.transaction(async (inner) => {
            await inner.terms.put(yearTerms(), meta());
          });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await a.contracts.get('C-1')).toBeDefined();
        expect(await a.terms.get('JAAR')).toBeDefined();

        await expect(
          a.transaction(async (tx) => {
            await tx.transaction(async (inner) => inner.contracts.create(preventive('C-2'), meta()));
            throw new Error('later failure');
          }),
        ).rejects.toThrow('later failure');
        expect(await a.contracts.get('C-2')).toBeUndefined();
      });

      it('keeps a tenant scope inside the transaction', async () => {
        const [a, b] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        await b.transaction(async (tx) => {
          expect(tx.tenantId).toBe(b.tenantId);
          expect(await tx.contracts.get('C-1')).toBeUndefined();
        });
      });
    });

    describe('tenant isolation', () => {
      it("tenant B sees none of tenant A's rows, through any method", async () => {
        const [a, b] = await twoTenants();
        await a.contracts.create(preventive('C-1', { termsCode: 'JAAR' }), meta());
        await a.contracts.create(corrective('C-2', { slaPolicyCode: 'GOUD' }), meta());
        await a.terms.put(yearTerms(), meta());
        await a.slaPolicies.put(goldPolicy(), meta());
        await a.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta());
        await a.terminations.record(
          {
            contractId: 'C-1',
            date: '2026-02-01',
            reasonCode: 'PRIJS',
            reasonLabel: 'Te duur',
            lostValue: { amount: 5, currency: 'EUR' },
          },
          meta(),
        );
        await a.apiKeys.create({ id: 'k1', name: 'A', hint: 'aaaa', keyHash: sha256(`a-${a.tenantId}`) }, meta());

        expect(await b.contracts.get('C-1')).toBeUndefined();
        expect((await b.contracts.list()).items).toEqual([]);
        expect((await b.contracts.list({ filters: { debtorNumber: 'D100' } })).items).toEqual([]);
        expect((await b.contracts.list({ filters: { objectCode: 'CV-01' } })).items).toEqual([]);
        expect(await b.contracts.versions('C-1')).toEqual([]);
        expect(await b.objectLinks.contractIdsForObject('CV-01')).toEqual([]);
        expect(await b.objectLinks.objectCodesForContract('C-1')).toEqual([]);
        expect(await b.terms.list()).toEqual([]);
        expect(await b.terms.get('JAAR')).toBeUndefined();
        expect(await b.terms.usageCount('JAAR')).toBe(0);
        expect(await b.slaPolicies.list()).toEqual([]);
        expect(await b.slaPolicies.get('GOUD')).toBeUndefined();
        expect(await b.slaPolicies.usageCount('GOUD')).toBe(0);
        expect(await b.cancellationReasons.list({ includeArchived: true })).toEqual([]);
        expect(await b.cancellationReasons.get('PRIJS')).toBeUndefined();
        expect(await b.cancellationReasons.usageCount('PRIJS')).toBe(0);
        expect(await b.terminations.list()).toEqual([]);
        expect(await b.terminations.forContract('C-1')).toBeUndefined();
        expect(await b.apiKeys.list()).toEqual([]);
        expect((await b.audit.list()).items.map((e) => e.action)).toEqual(['tenant.created']);
        expect((await b.audit.list({ entity: { type: 'contract', id: 'C-1' } })).items).toEqual([]);
      });

      it("tenant B cannot change or remove tenant A's rows; its rows with the same keys stay apart", async () => {
        const [a, b] = await twoTenants();
        await a.contracts.create(preventive('C-1'), meta());
        await a.terms.put(yearTerms(), meta());
        await a.slaPolicies.put(goldPolicy(), meta());
        await a.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta());
        await a.terminations.record(
          { contractId: 'C-1', date: '2026-02-01', lostValue: { amount: 5, currency: 'EUR' } },
          meta(),
        );
        await a.apiKeys.create({ id: 'k1', name: 'A', hint: 'aaaa', keyHash: sha256(`a-${a.tenantId}`) }, meta());

        expect(
          (
            await rejection(
              b.contracts.update(preventive('C-1', { daysInAdvance: 9 }), { expectedVersion: 0, ...meta() }),
            )
          ).code,
        ).toBe('not-found');
        expect((await rejection(b.contracts.delete('C-1', { expectedVersion: 0, ...meta() }))).code).toBe('not-found');
        expect((await rejection(b.terms.delete('JAAR', meta()))).code).toBe('not-found');
        expect((await rejection(b.slaPolicies.delete('GOUD', meta()))).code).toBe('not-found');
        expect((await rejection(b.cancellationReasons.archive('PRIJS', meta()))).code).toBe('not-found');
        expect((await rejection(b.cancellationReasons.delete('PRIJS', meta()))).code).toBe('not-found');
        expect((await rejection(b.apiKeys.revoke('k1', meta()))).code).toBe('not-found');

        // Same ids and codes in B: separate rows, A's untouched.
        await b.contracts.create(corrective('C-1', { debtorNumber: 'B-1' }), meta());
        await b.contracts.update(corrective('C-1', { debtorNumber: 'B-2' }), { expectedVersion: 0, ...meta() });
        await b.terms.put(yearTerms('JAAR', 'B terms'), meta());
        await b.slaPolicies.put({ ...goldPolicy(), name: 'B policy' }, meta());
        await b.cancellationReasons.put({ code: 'PRIJS', label: 'B label', archived: false }, meta());
        await b.cancellationReasons.archive('PRIJS', meta());
        await b.terminations.record(
          { contractId: 'C-1', date: '2026-03-01', lostValue: { amount: 7, currency: 'EUR' } },
          meta(),
        );
        await b.apiKeys.create({ id: 'k1', name: 'B', hint: 'bbbb', keyHash: sha256(`b-${b.tenantId}`) }, meta());
        await b.apiKeys.revoke('k1', meta());
        await b.contracts.delete('C-1', { expectedVersion: 1, ...meta() });

        expect((await a.contracts.get('C-1'))?.contract).toEqual(preventive('C-1'));
        expect(await a.contracts.versions('C-1')).toHaveLength(1);
        expect(await a.objectLinks.objectCodesForContract('C-1')).toEqual(['CV-01']);
        expect((await a.terms.get('JAAR'))?.name).toBe('Jaarcontract');
        expect((await a.slaPolicies.get('GOUD'))?.name).toBe('Goud');
        expect(await a.cancellationReasons.get('PRIJS')).toEqual({ code: 'PRIJS', label: 'Te duur', archived: false });
        expect((await a.terminations.forContract('C-1'))?.date).toBe('2026-02-01');
        expect((await a.apiKeys.list())[0]?.revokedAt).toBeNull();
        expect((await store.tenants.findApiKeyByHash(sha256(`a-${a.tenantId}`)))?.tenantId).toBe(a.tenantId);
      });
    });

    describeEventsStoreContract(() => store);
    describeLedgerContract(() => store, options);

    describe('migrations', () => {
      it('opens the same database again without migrating twice or losing data', async () => {
        const [id] = await installTenants(store, 'reopen');
        await store.forTenant(id!).contracts.create(preventive('C-1'), meta());
        await store.close();
        store = await openStore();
        expect((await store.forTenant(id!).contracts.get('C-1'))?.contract).toEqual(preventive('C-1'));
        expect((await store.tenants.get(id!))?.name).toBe('Tenant reopen');
      });
    });
  });
}
