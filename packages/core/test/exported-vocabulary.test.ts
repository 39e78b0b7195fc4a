import { describe, expect, it } from 'vitest';
import { budgetStatus, CONTRACT_STATUSES, contractStatus, PRESSURE_REASONS, STATUS_FLAGS } from '../src/index.js';
import { contractFixture, eur } from './support/contract-fixtures.js';

// The SDK and hosts validate and filter with these lists, so a value the engine returns must be on them.
describe('exported status, flag and pressure-reason lists', () => {
  const contract = contractFixture({
    type: 'preventive',
    endDate: '2025-12-31',
    objectCodes: ['CV-1'],
    schedule: { unit: 'month', day: 15 },
    budget: { amount: eur(10_000), per: 'contract' },
    termination: { date: '2025-12-20', reasonCode: 'PRIJS', reasonLabel: 'Te duur' },
  });

  it('list every status and flag contractStatus gives over a contract’s life', () => {
    for (const asOf of ['2024-12-01T12:00:00Z', '2025-12-10T12:00:00Z', '2025-12-25T12:00:00Z']) {
      const { status, flags } = contractStatus(contract, { asOf });
      expect(CONTRACT_STATUSES).toContain(status);
      for (const flag of flags) expect(STATUS_FLAGS).toContain(flag);
    }
    expect(contractStatus(contract, { asOf: '2025-12-10T12:00:00Z' }).flags).toContain('termination-scheduled');
  });

  it('list every reason budgetStatus gives for a budget under pressure', () => {
    const status = budgetStatus(contract, {
      asOf: '2025-03-01T10:00:00Z',
      hourTypeRates: {},
      expectedCostPerWorkOrder: eur(10_000),
      costLines: [{ kind: 'material', date: '2025-02-01', quantity: '1', unitPrice: eur(20_000) }],
    });
    const reasons = status?.reasons ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(PRESSURE_REASONS).toContain(reason);
  });
});
