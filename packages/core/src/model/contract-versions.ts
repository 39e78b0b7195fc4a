import { CoreError, echo } from '../errors.js';
import { isList } from '../is-list.js';
import { contractSchema, type Contract, type ContractInput } from './contract.js';
import { localDateSchema, parseInput, parseTrusted, trust } from '../validation.js';

/**
 * The saved versions of one contract, oldest first: each governs planning from its `effectiveFrom` (absent: from the
 * beginning) until the next one's. Checked by {@link parseContractVersions}; treat it as immutable.
 */
export type ContractVersions = readonly Contract[];

const versionLists = new WeakSet<object>();

/**
 * Checks a contract's versions, oldest first: each is a valid contract, all share one id, the version numbers
 * increase and the `effectiveFrom` dates never go back (a version without one governs from the beginning, so only
 * the first may leave it out — or every version up to one that has it). Invalid input throws a `CoreError`
 * (`invalid-input`) whose `path` starts at the offending version's index, e.g. `[2, 'effectiveFrom']`.
 *
 * @example
 * const versions = parseContractVersions([
 *   { id: 'C-1', version: 0, type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D1' },
 *   { id: 'C-1', version: 1, type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D2', effectiveFrom: '2025-03-01' },
 * ]);
 * versionOn(versions, '2025-02-28').debtorNumber; // 'D1'
 */
export function parseContractVersions(input: readonly (ContractInput | Contract)[]): ContractVersions {
  if (typeof input === 'object' && input !== null && versionLists.has(input)) return input as ContractVersions;
  if (!isList(input)) {
    throw new CoreError('invalid-input', `expected the contract's versions as an array, got ${echo(input)}.`);
  }
  if (input.length === 0) {
    throw new CoreError(
      'invalid-input',
      "expected at least one version of the contract: pass the contract's versions.",
    );
  }
  // Not `map`: it skips the holes of a sparse array, which must fail as missing versions.
  const versions = Array.from(input, (item, i) => {
    const contract: Contract = parseTrusted(contractSchema, item, { path: [i] });
    // As `parseContract` does: the planner then takes the schedule as already checked.
    if (contract.schedule !== undefined) trust(contract.schedule);
    return contract;
  });
  const first = versions[0] as Contract;
  for (let i = 1; i < versions.length; i++) {
    const previous = versions[i - 1] as Contract;
    const version = versions[i] as Contract;
    if (version.id !== first.id) {
      throw new CoreError(
        'invalid-input',
        `version ${i} belongs to contract '${version.id}', the list to '${first.id}': pass the versions of one contract.`,
        { path: [i, 'id'] },
      );
    }
    if (version.version <= previous.version) {
      throw new CoreError(
        'invalid-input',
        `version numbers must increase: ${version.version} follows ${previous.version}. Order the versions oldest first.`,
        { path: [i, 'version'] },
      );
    }
    const from = version.effectiveFrom;
    if (previous.effectiveFrom !== undefined && (from === undefined || from < previous.effectiveFrom)) {
      throw new CoreError(
        'invalid-input',
        `version ${version.version} takes effect ${from === undefined ? 'from the beginning' : `on ${from}`}, before version ${previous.version} (${previous.effectiveFrom}): a later version cannot govern earlier dates.`,
        { path: [i, 'effectiveFrom'] },
      );
    }
  }
  versionLists.add(versions);
  return versions;
}

/**
 * The index of the version that governs a local target date: the latest whose `effectiveFrom` is on or before it
 * (binary search, so a long history costs nothing). `-1` when every version takes effect after the date.
 */
function versionIndexOn(versions: ContractVersions, date: string): number {
  let low = 0;
  let high = versions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const from = (versions[middle] as Contract).effectiveFrom;
    if (from === undefined || from <= date) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Which version of a contract governs a local target date `'YYYY-MM-DD'`: the latest whose `effectiveFrom` is on or
 * before it. `undefined` when the date lies before every version's `effectiveFrom` (nothing governs it: planning
 * plans nothing there).
 *
 * @example
 * versionOn(versions, '2025-03-01').version; // the version saved by the edit of 1 March
 */
export function versionOn(versionsInput: readonly (ContractInput | Contract)[], date: string): Contract | undefined {
  const versions = parseContractVersions(versionsInput);
  const index = versionIndexOn(versions, parseInput(localDateSchema, date, { path: ['date'] }));
  return index < 0 ? undefined : versions[index];
}
