import { CoreError, echo } from '../errors.js';
import type { Contract } from '../model/contract.js';
import { parseContractTerms, type ContractTerms, type ContractTermsInput } from './contract-terms.js';

/**
 * Checks terms passed for a contract and fills in their defaults: they must be the terms the contract names
 * (`termsCode`), because its period, notice and renewal follow from them — another contract's terms would answer a
 * renewal or status question about the wrong agreement. `undefined` stays `undefined` (no terms known).
 *
 * @throws CoreError `invalid-input` on `[...path, 'code']` naming both codes when they differ, or when the contract
 *   names no terms at all.
 */
export function termsOfContract(
  contract: Contract,
  termsInput: ContractTermsInput | ContractTerms | undefined,
  path: readonly (string | number)[] = ['terms'],
): ContractTerms | undefined {
  if (termsInput === undefined) return undefined;
  const terms = parseContractTerms(termsInput);
  if (terms.code !== contract.termsCode) {
    const named =
      contract.termsCode === undefined
        ? `contract ${contract.id} names no terms (termsCode is empty): set its termsCode to ${echo(terms.code)} or leave the terms out`
        : `contract ${contract.id} follows terms ${echo(contract.termsCode)}, not ${echo(terms.code)}: pass the terms whose code is ${echo(contract.termsCode)}`;
    throw new CoreError('invalid-input', `${named}.`, { path: [...path, 'code'] });
  }
  return terms;
}
