import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerUpError } from '../../src/power-up-error.js';
import { createPgliteStore } from '../../src/store/kysely/create-pglite-store.js';
import type { Store } from '../../src/store/store.js';
import { installTenants, meta, preventive } from './fixtures.js';

let store: Store;
beforeAll(async () => {
  store = await createPgliteStore({ memory: true });
});
afterAll(() => store.close());

describe('contracts.createMany', () => {
  it('saves every contract as create would: the contract, its first version, its links, its due entry and an audit entry', async () => {
    const [tenantId] = await installTenants(store, 'many');
    const tenant = store.forTenant(tenantId as string);
    // More than one batch, so the batching itself is exercised.
    const contracts = Array.from({ length: 1_203 }, (_, i) =>
      preventive(`M-${String(i).padStart(4, '0')}`, { objectCodes: [`OBJ-${i}`, 'SHARED'] }),
    );
    expect(await tenant.contracts.createMany(contracts, meta('2026-02-01T10:00:00.000Z'))).toBe(1_203);

    const stored = await tenant.contracts.get('M-0007');
    expect(stored).toMatchObject({ contract: contracts[7], createdAt: '2026-02-01T10:00:00.000Z' });
    expect(await tenant.contracts.versions('M-1202')).toMatchObject([
      { version: 0, effectiveFrom: '2026-02-01T10:00:00.000Z', recordedBy: 'user:anna' },
    ]);
    expect(await tenant.objectLinks.contractIdsForObject('OBJ-1100')).toEqual(['M-1100']);
    expect(await tenant.objectLinks.contractIdsForObject('SHARED')).toHaveLength(1_203);
    const audit = await tenant.audit.list({ entity: { type: 'contract', id: 'M-0500' } });
    expect(audit.items).toMatchObject([{ action: 'contract.created', actor: 'user:anna' }]);
    // Each one due at once in the due index, as a created contract is.
    expect(await store.dueIndex.countDue('2026-02-01T09:59:59.000Z')).toBe(0);
    expect(await store.dueIndex.countDue('2026-02-01T10:00:00.000Z')).toBe(1_203);
  });

  it('writes nothing when one id is taken or given twice, and names it', async () => {
    const [tenantId] = await installTenants(store, 'many-taken');
    const tenant = store.forTenant(tenantId as string);
    await tenant.contracts.create(preventive('T-2'), meta());
    for (const ids of [
      ['T-1', 'T-2', 'T-3'],
      ['T-4', 'T-5', 'T-4'],
    ]) {
      const error = await tenant.contracts
        .createMany(
          ids.map((id) => preventive(id)),
          meta(),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PowerUpError);
      expect(error).toMatchObject({ code: 'already-exists', path: ['id'] });
      expect((error as Error).message).toContain(ids[0] === 'T-1' ? "'T-2'" : "'T-4'");
    }
    const page = await tenant.contracts.list({ limit: 10 });
    expect(page.items.map((item) => item.contract.id)).toEqual(['T-2']);
  });
});
