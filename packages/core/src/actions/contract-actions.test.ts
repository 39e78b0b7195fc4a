import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import type { ContractInput } from '../model/contract.js';
import { contractFixture, eur } from '../../test/support/contract-fixtures.js';
import type { ContractTermsInput } from '../terms/contract-terms.js';
import { applyContractAction, type ActionContext, type ContractCommand } from './contract-actions.js';

const contract = contractFixture({
  version: 3,
  termsCode: 'JAAR',
  type: 'preventive',
  endDate: '2025-12-31',
  schedule: { unit: 'month', day: 15 },
  budget: { amount: eur(120000), per: 'contract' },
});
const terms: ContractTermsInput = {
  code: 'JAAR',
  name: 'Jaarcontract',
  autoExtend: false,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 1, unit: 'month' },
  indexation: { kind: 'fixed', basisPoints: 300 },
};
const reasons = [
  { code: 'VERHUISD', label: 'Klant verhuisd' },
  { code: 'OUD', label: 'Oud', archived: true },
];
const ctx = (date: string, extra: Partial<ActionContext> = {}): ActionContext => ({
  asOf: `${date}T10:00:00Z`,
  reasons,
  terms,
  ...extra,
});

function refusal(command: ContractCommand, context: ActionContext, input: ContractInput = contract): CoreError {
  try {
    applyContractAction(input, command, context);
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected the action to be refused');
}

describe('edit', () => {
  it('makes a new version and previews the future occurrences it changes', () => {
    const { contract: next, effects } = applyContractAction(
      contract,
      { type: 'edit', expectedVersion: 3, changes: { schedule: { unit: 'month', day: 16 } } },
      ctx('2025-06-01', { workOrders: [{ key: 'C-1|*|2025-06-15', state: 'open' }] }),
    );
    expect(next?.version).toBe(4);
    const preview = effects.find((e) => e.type === 'schedule-changed');
    // 15 June is generated: it stays. July–December move by a day.
    expect(preview?.type === 'schedule-changed' && preview.preview.moved.map((m) => m.to.targetDate)).toEqual([
      '2025-07-16',
      '2025-08-16',
      '2025-09-16',
      '2025-10-16',
      '2025-11-16',
      '2025-12-16',
    ]);
    expect(preview?.type === 'schedule-changed' && preview.preview.added.map((a) => a.targetDate)).toEqual([
      '2025-06-16',
    ]);
  });

  // "Wijzigingen hebben vooral invloed op toekomstige gegenereerde Werkbonnen." (Beheer contracten)
  it('the new version governs from today: effectiveFrom on the contract and on the schedule-changed effect', () => {
    const { contract: next, effects } = applyContractAction(
      contract,
      { type: 'edit', expectedVersion: 3, changes: { daysInAdvance: 5 } },
      // 23:30 UTC on 28 February is 1 March in Amsterdam.
      { asOf: '2025-02-28T23:30:00Z' },
    );
    expect(next?.effectiveFrom).toBe('2025-03-01');
    expect(effects[1]).toMatchObject({ type: 'schedule-changed', effectiveFrom: '2025-03-01' });
    expect(effects[1]?.type === 'schedule-changed' && effects[1].preview.from).toBe('2025-03-01');
    expect(
      refusal({ type: 'edit', expectedVersion: 3, changes: { effectiveFrom: '2025-01-01' } }, ctx('2025-06-01')),
    ).toMatchObject({ code: 'invalid-command', path: ['changes', 'effectiveFrom'] });
  });

  it('refuses a stale version, a termination by edit, and invalid changes with their path', () => {
    expect(refusal({ type: 'edit', expectedVersion: 2, changes: {} }, ctx('2025-06-01'))).toMatchObject({
      code: 'version-conflict',
      path: ['expectedVersion'],
    });
    expect(
      refusal(
        { type: 'edit', expectedVersion: 3, changes: { termination: { date: '2025-07-01' } } },
        ctx('2025-06-01'),
      ),
    ).toMatchObject({
      code: 'invalid-command',
      path: ['changes', 'termination'],
    });
    expect(
      refusal({ type: 'edit', expectedVersion: 3, changes: { daysInAdvance: -2 } }, ctx('2025-06-01')),
    ).toMatchObject({
      code: 'invalid-input',
      path: ['changes', 'daysInAdvance'],
    });
  });
});

describe('terminate', () => {
  it('stores the reason as labelled today, stops generation and lists open work orders after the date', () => {
    const { contract: next, effects } = applyContractAction(
      contract,
      { type: 'terminate', date: '2025-06-30', reasonCode: 'VERHUISD', remark: 'Pand verkocht' },
      ctx('2025-06-01', {
        workOrders: [
          { key: 'C-1|*|2025-06-15', state: 'completed' },
          { key: 'C-1|*|2025-07-15', state: 'open' },
          { key: 'C-1|*|2025-08-15', state: 'started' },
        ],
      }),
    );
    expect(next?.termination).toEqual({
      date: '2025-06-30',
      reasonCode: 'VERHUISD',
      reasonLabel: 'Klant verhuisd',
      remark: 'Pand verkocht',
    });
    expect(next?.version).toBe(4);
    expect(effects.slice(1)).toEqual([
      { type: 'stop-generation-after', date: '2025-06-30' },
      { type: 'review-work-orders', keys: ['C-1|*|2025-07-15'], reason: 'target-after-termination' },
    ]);
  });

  it.each([
    ['a date before the start', { type: 'terminate', date: '2024-12-31' }, {}, 'invalid-command', ['date']],
    ['a date after the contract ends', { type: 'terminate', date: '2026-01-15' }, {}, 'not-allowed', ['date']],
    [
      'no reason when the tenant requires one',
      { type: 'terminate', date: '2025-06-30' },
      { reasonRequired: true },
      'invalid-input',
      ['reasonCode'],
    ],
    [
      'an archived reason',
      { type: 'terminate', date: '2025-06-30', reasonCode: 'OUD' },
      {},
      'invalid-input',
      ['reasonCode'],
    ],
  ] as const)('refuses %s', (_, command, extra, code, path) => {
    expect(refusal(command as ContractCommand, ctx('2025-06-01', extra))).toMatchObject({ code, path });
  });

  it('refuses a second termination', () => {
    const terminated = { ...contract, termination: { date: '2025-06-30' } };
    expect(refusal({ type: 'terminate', date: '2025-07-30' }, ctx('2025-06-01'), terminated).message).toMatch(
      /already terminated on 2025-06-30/,
    );
  });

  it('the termination day itself may be the start day or the end day', () => {
    expect(
      applyContractAction(contract, { type: 'terminate', date: '2025-01-01' }, ctx('2025-01-01')).contract?.termination
        ?.date,
    ).toBe('2025-01-01');
    expect(
      applyContractAction(contract, { type: 'terminate', date: '2025-12-31' }, ctx('2025-06-01')).contract?.termination
        ?.date,
    ).toBe('2025-12-31');
  });
});

describe('restart', () => {
  it('creates a linked contract with the same conditions after an ended one', () => {
    const { contract: original, effects } = applyContractAction(
      contract,
      { type: 'restart', newId: 'C-2' },
      ctx('2026-02-10'),
    );
    expect(original?.id).toBe('C-1');
    const created = effects[0]?.type === 'create-contract' ? effects[0].contract : undefined;
    expect(created).toMatchObject({
      id: 'C-2',
      restartOf: 'C-1',
      version: 0,
      startDate: '2026-02-10',
      endDate: '2027-02-09',
      debtorNumber: 'D1',
    });
    expect(created?.termination).toBeUndefined();
  });

  it('after a termination it starts the day after, if that is still ahead', () => {
    const terminated = { ...contract, termination: { date: '2025-06-30' } };
    const { effects } = applyContractAction(terminated, { type: 'restart', newId: 'C-2' }, ctx('2025-06-30'));
    expect(effects[0]?.type === 'create-contract' && effects[0].contract.startDate).toBe('2025-07-01');
  });

  it('refuses an active contract that renews automatically or has no end', () => {
    const autoRenewing = ctx('2025-06-01', { terms: { ...terms, autoExtend: true } });
    expect(refusal({ type: 'restart', newId: 'C-2' }, autoRenewing)).toMatchObject({ code: 'not-allowed' });
    expect(refusal({ type: 'restart', newId: 'C-2' }, autoRenewing).message).toMatch(/renews on 2026-01-01/);
    const openEnded = { ...contract, endDate: undefined };
    expect(
      refusal({ type: 'restart', newId: 'C-2' }, ctx('2025-06-01', { terms: undefined }), openEnded),
    ).toMatchObject({ code: 'not-allowed' });
  });
});

// "Kan ik een beëindigd contract opnieuw starten? Ja. Dat is handig wanneer verlenging niet automatisch is."
// (Beheer contracten)
describe('restart of a contract whose renewal is not automatic', () => {
  it('is allowed before the end date, and continues the day after it', () => {
    const { effects } = applyContractAction(contract, { type: 'restart', newId: 'C-2' }, ctx('2025-11-15'));
    expect(effects).toHaveLength(1);
    expect(effects[0]?.type === 'create-contract' && effects[0].contract).toMatchObject({
      id: 'C-2',
      restartOf: 'C-1',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
  });

  it('may change the conditions: start, end, schedule and budget, indexed by the terms', () => {
    const { effects } = applyContractAction(
      { ...contract, effectiveFrom: '2025-06-01' },
      {
        type: 'restart',
        newId: 'C-2',
        startDate: '2026-02-01',
        endDate: '2027-01-31',
        schedule: { unit: 'month', day: 1 },
        budget: { amount: eur(150000), per: 'contract-year' },
        indexBudget: true,
      },
      ctx('2025-11-15'),
    );
    const created = effects[0]?.type === 'create-contract' ? effects[0].contract : undefined;
    expect(created).toMatchObject({
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      schedule: { unit: 'month', day: 1 },
      budget: { amount: eur(154500), per: 'contract-year' },
    });
    // A new contract governs from its beginning.
    expect(created?.effectiveFrom).toBeUndefined();
    expect(effects[1]).toEqual({
      type: 'price-indexed',
      from: eur(150000),
      to: eur(154500),
      appliedBasisPoints: 300,
      limitedBy: null,
    });
  });

  it('refuses indexing without an indexation in the terms, and changed conditions that do not fit', () => {
    const noIndexation = ctx('2025-11-15', { terms: { ...terms, indexation: undefined } });
    expect(refusal({ type: 'restart', newId: 'C-2', indexBudget: true }, noIndexation)).toMatchObject({
      code: 'invalid-command',
      path: ['indexBudget'],
    });
    expect(
      refusal({ type: 'restart', newId: 'C-2', startDate: '2026-02-01', endDate: '2026-01-01' }, ctx('2025-11-15')),
    ).toMatchObject({ code: 'invalid-input', path: ['endDate'] });
  });
});

// "Een Contract kan het volgende bevatten: Contracttype, Contractvoorwaarden, …" (Maak een contract)
describe("actions follow the contract's own terms", () => {
  const other = { ...terms, code: 'KWARTAAL' };
  it.each([
    ['renew', { type: 'renew' }],
    ['terminate', { type: 'terminate', date: '2025-09-30' }],
    ['restart', { type: 'restart', newId: 'C-2' }],
  ] as const)('%s refuses terms with another code', (_, command) => {
    const error = refusal(command, ctx('2025-12-01', { terms: other }));
    expect(error).toMatchObject({ code: 'invalid-input', path: ['terms', 'code'] });
    expect(error.message).toMatch(/"JAAR".*"KWARTAAL"/);
  });
});

describe('renew', () => {
  it('extends by the renewal period and indexes the budget', () => {
    const { contract: next, effects } = applyContractAction(contract, { type: 'renew' }, ctx('2025-12-01'));
    expect(next).toMatchObject({ endDate: '2026-12-31', version: 4, budget: { amount: eur(123600) } });
    expect(effects[1]).toEqual({
      type: 'price-indexed',
      from: eur(120000),
      to: eur(123600),
      appliedBasisPoints: 300,
      limitedBy: null,
    });
  });

  it('refuses without terms, after an end, and after a termination', () => {
    expect(refusal({ type: 'renew' }, { asOf: '2025-12-01T10:00:00Z' })).toMatchObject({
      code: 'invalid-command',
      path: ['terms'],
    });
    expect(refusal({ type: 'renew' }, ctx('2026-01-05')).message).toMatch(/restart it instead/);
    expect(
      refusal({ type: 'renew' }, ctx('2025-12-01'), { ...contract, termination: { date: '2025-12-31' } }).code,
    ).toBe('not-allowed');
  });
});

describe('delete', () => {
  it('is allowed while no work order is completed or handled, and deletes the generated ones', () => {
    const result = applyContractAction(
      contract,
      { type: 'delete' },
      ctx('2025-03-01', { workOrders: [{ key: 'C-1|*|2025-01-15', state: 'started' }] }),
    );
    expect(result).toEqual({
      contract: null,
      effects: [
        { type: 'delete-contract', contractId: 'C-1' },
        { type: 'delete-work-orders', keys: ['C-1|*|2025-01-15'] },
      ],
    });
  });

  it('is refused with the reason once a work order is completed or handled', () => {
    const error = refusal(
      { type: 'delete' },
      ctx('2025-03-01', { workOrders: [{ key: 'C-1|*|2025-01-15', state: 'handled' }] }),
    );
    expect(error.code).toBe('not-allowed');
    expect(error.message).toMatch(/1 work order\(s\) .* completed or handled .*terminate the contract instead/);
  });
});

it('refuses an unknown action', () => {
  expect(refusal({ type: 'pause' } as unknown as ContractCommand, ctx('2025-03-01'))).toMatchObject({
    code: 'invalid-command',
    path: ['type'],
  });
});
