import { describe, expect, it } from 'vitest';
import { coreErrorOf } from '../../test/support/core-error.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { parseContractVersions, versionOn } from './contract-versions.js';

// "Gebruik dit om de overeenkomst in de loop van de tijd nauwkeurig te houden." (Beheer contracten): a contract's
// saved versions over time, and which one governs a date.
const v0 = contractFixture({ version: 0, debtorNumber: 'D1' });
const v1 = contractFixture({ version: 1, debtorNumber: 'D2', effectiveFrom: '2025-03-01' });
const v2 = contractFixture({ version: 4, debtorNumber: 'D3', effectiveFrom: '2025-06-15' });

const refusal = coreErrorOf;

describe('versionOn', () => {
  it('the latest version whose effectiveFrom is on or before the date governs it', () => {
    const versions = [v0, v1, v2];
    expect(versionOn(versions, '2024-01-01')?.debtorNumber).toBe('D1');
    expect(versionOn(versions, '2025-02-28')?.debtorNumber).toBe('D1');
    expect(versionOn(versions, '2025-03-01')?.debtorNumber).toBe('D2');
    expect(versionOn(versions, '2025-06-14')?.debtorNumber).toBe('D2');
    expect(versionOn(versions, '2025-06-15')?.debtorNumber).toBe('D3');
    expect(versionOn(versions, '2099-01-01')?.debtorNumber).toBe('D3');
  });

  it('two versions taking effect on the same day: the later one governs that day', () => {
    const sameDay = contractFixture({ version: 2, debtorNumber: 'D9', effectiveFrom: '2025-03-01' });
    expect(versionOn([v0, v1, sameDay], '2025-03-01')?.debtorNumber).toBe('D9');
  });

  it('nothing governs a date before every version takes effect', () => {
    expect(versionOn([v1, v2], '2025-02-28')).toBeUndefined();
  });

  it('refuses a bad date, naming it', () => {
    expect(refusal(() => versionOn([v0], '1-3-2025'))).toMatchObject({ code: 'invalid-input', path: ['date'] });
  });
});

describe('parseContractVersions', () => {
  it('refuses versions of another contract, with the index in the path', () => {
    const error = refusal(() => parseContractVersions([v0, { ...v1, id: 'C-2' }]));
    expect(error).toMatchObject({ code: 'invalid-input', path: [1, 'id'] });
    expect(error.message).toMatch(/'C-2'.*'C-1'/);
  });

  it('refuses version numbers that do not increase', () => {
    expect(refusal(() => parseContractVersions([v1, { ...v0, version: 1 }]))).toMatchObject({ path: [1, 'version'] });
  });

  it('refuses an effectiveFrom that goes back, or a later version without one', () => {
    expect(refusal(() => parseContractVersions([v0, v2, { ...v1, version: 5 }]))).toMatchObject({
      path: [2, 'effectiveFrom'],
    });
    expect(refusal(() => parseContractVersions([v1, { ...v0, version: 2, effectiveFrom: undefined }])).message).toMatch(
      /from the beginning, before version 1/,
    );
  });

  it('refuses an empty list and an invalid version, naming its field under its index', () => {
    expect(refusal(() => parseContractVersions([])).code).toBe('invalid-input');
    expect(refusal(() => parseContractVersions([v0, { ...v1, effectiveFrom: '2025-02-30' }]))).toMatchObject({
      path: [1, 'effectiveFrom'],
    });
  });
});

it('a hole in the list is a missing version, named by its index', () => {
  // eslint-disable-next-line no-sparse-arrays
  expect(() => parseContractVersions([, v1] as never)).toThrow(expect.objectContaining({ path: [0] }));
});
