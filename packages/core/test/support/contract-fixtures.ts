// The contracts the core suites run on, from one builder: a test states only what its case is about and the rest
// stays the same everywhere, so a new required field is added here once instead of in every suite.
import type { ContractInput } from '../../src/model/contract.js';

/** Euro cents as the engine's `Money`. */
export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * A valid contract: corrective (the kind that needs nothing more), `C-1` for debtor `D1`, in force from 2025-01-01,
 * open-ended — with `overrides` on top. A preventive contract passes `type: 'preventive'` and its `schedule`.
 */
export function contractFixture(overrides: Partial<ContractInput> = {}): ContractInput {
  return { id: 'C-1', type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D1', ...overrides };
}
