import { hostFilter, type HostClient } from '@contractbeheer/sdk';
import { PowerUpError } from '../power-up-error.js';

/**
 * Checks with the host that every object code exists and belongs to the customer (debtor) — before a contract links
 * them, so generated work orders never name a stranger's installation. One host call for the customer's objects;
 * a second, only when some code is not among them, to say whether it is someone else's or does not exist at all.
 *
 * @param codes the codes to check, with their index in the contract's `objectCodes` (for the error's path)
 * @param root where `objectCodes` sits in the request (`['changes', 'objectCodes']` for an edit)
 * @returns each code's owner (all of them the customer): what the contract keeps as its `objectOwners`
 */
export async function verifyObjectOwners(
  host: HostClient,
  debtorNumber: string,
  codes: readonly { code: string; index: number }[],
  root: readonly (string | number)[] = ['objectCodes'],
): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const owned = await host.objects.list(hostFilter().where('obj_debiteur_nummer', 'eq', debtorNumber));
  const ownedCodes = new Set(owned.map((object) => object.code));
  const missing = codes.find(({ code }) => !ownedCodes.has(code));
  if (missing === undefined) return Object.fromEntries(codes.map(({ code }) => [code, debtorNumber]));
  const found = await host.objects.list(hostFilter().where('obj_code', 'eq', missing.code));
  const owner = found.find((object) => object.code === missing.code);
  const path = [...root, missing.index];
  if (owner === undefined) {
    throw new PowerUpError(
      'invalid-input',
      `the host has no object '${missing.code}': check the code in OutSmart, or create the object there first.`,
      { path },
    );
  }
  throw new PowerUpError(
    'invalid-input',
    `object '${missing.code}' belongs to customer ${owner.debtorNumber ?? '(none)'}, not to ${debtorNumber}: ` +
      "link only the customer's own objects.",
    { path },
  );
}
