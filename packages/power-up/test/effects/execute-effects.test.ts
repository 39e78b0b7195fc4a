import { applyContractAction, parseContract } from '@contractbeheer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeEffects } from '../../src/effects/execute-effects.js';
import { VersionConflictError } from '../../src/power-up-error.js';
import type { Store, TenantStore } from '../../src/store/store.js';
import { PGLITE, postgresEngine, type Engine } from '../api/contracts-harness.js';
import { installTenants, meta, preventive } from '../store/fixtures.js';

const postgres = await postgresEngine();
const engines: Engine[] = 'unreachable' in postgres ? [PGLITE] : [PGLITE, postgres];
if ('unreachable' in postgres) console.warn(`!! executeEffects NOT run on PostgreSQL: ${postgres.unreachable}`);

describe.each(engines)('executeEffects ($name)', (engine) => {
  let store: Store;
  let tenant: TenantStore;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await engine.open();
    store = opened.store;
    drop = opened.drop;
    const [tenantId] = await installTenants(store, 'effects');
    tenant = store.forTenant(tenantId!);
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('applies all effects of an action in one transaction: when one fails, none of them lands', async () => {
    const original = (await tenant.contracts.create(preventive('E-1'), meta())).contract;
    await tenant.contracts.create(preventive('E-TAKEN'), meta());
    const save = applyContractAction(
      original,
      { type: 'edit', expectedVersion: 0, changes: { daysInAdvance: 4 } },
      {
        asOf: '2026-01-15T09:00:00Z',
      },
    ).effects;
    const taken = { type: 'create-contract' as const, contract: parseContract({ ...original, id: 'E-TAKEN' }) };
    await expect(
      executeEffects(tenant, [...save, taken], { before: original, terms: undefined, meta: meta() }),
    ).rejects.toMatchObject({ code: 'already-exists' });
    expect((await tenant.contracts.get('E-1'))!.contract).toMatchObject({ version: 0, daysInAdvance: 0 });
    expect(await tenant.contracts.versions('E-1')).toHaveLength(1);
  });

  it('guards the save by the version the action was applied to', async () => {
    const original = (await tenant.contracts.create(preventive('E-2'), meta())).contract;
    const effects = applyContractAction(
      original,
      { type: 'edit', expectedVersion: 0, changes: { daysInAdvance: 1 } },
      {
        asOf: '2026-01-15T09:00:00Z',
      },
    ).effects;
    await executeEffects(tenant, effects, { before: original, terms: undefined, meta: meta() });
    // The same action again, on the version it was first applied to: another writer got there first.
    await expect(
      executeEffects(tenant, effects, { before: original, terms: undefined, meta: meta() }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect((await tenant.contracts.get('E-2'))!.contract.version).toBe(1);
  });

  it('records a termination with its lost value, and a price indexation in the audit trail', async () => {
    const original = (
      await tenant.contracts.create(
        preventive('E-3', { budget: { amount: { amount: 36_500, currency: 'EUR' }, per: 'contract-year' } }),
        meta(),
      )
    ).contract;
    const { effects } = applyContractAction(
      original,
      { type: 'terminate', date: '2025-12-30' },
      {
        asOf: '2025-06-01T09:00:00Z',
      },
    );
    await executeEffects(tenant, effects, { before: original, terms: undefined, meta: meta() });
    // € 365 a year, the budget year ending 2025-12-31: one day lost.
    expect(await tenant.terminations.forContract('E-3')).toMatchObject({
      date: '2025-12-30',
      lostValue: { amount: 100, currency: 'EUR' },
    });
    await executeEffects(
      tenant,
      [
        {
          type: 'price-indexed',
          from: { amount: 100, currency: 'EUR' },
          to: { amount: 103, currency: 'EUR' },
          appliedBasisPoints: 300,
          limitedBy: null,
        },
      ],
      { before: original, terms: undefined, meta: meta() },
    );
    const audit = await tenant.audit.list({ entity: { type: 'contract', id: 'E-3' } });
    expect(audit.items.map((entry) => entry.action)).toContain('contract.price-indexed');
  });
});
