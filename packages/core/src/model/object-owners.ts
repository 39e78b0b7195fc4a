import { clip } from '../errors.js';

type OwnedObjects = {
  debtorNumber: string;
  objectCodes: readonly string[];
  objectOwners?: Readonly<Record<string, string>> | undefined;
};

type AddIssue = (path: (string | number)[], message: string) => void;

const list = (codes: readonly string[]) => clip(codes.map((code) => clip(code, 40)).join(', '), 200);

/**
 * A contract's objects belong to its customer (the knowledge base: "Selecteer het Object of de Objecten die bij de
 * overeenkomst horen", after "Selecteer de Klant"). Checked from `objectOwners`, which the contracts API fills from
 * the host:
 * - an owner listed for an object that is not linked is a leftover: it must go;
 * - when none of the linked objects with a known owner belongs to the contract's customer, the customer was changed
 *   (or chosen) while another customer's objects stay linked: reported once, on `debtorNumber`, naming the objects
 *   and both customers;
 * - otherwise each object of another customer is reported on its own entry.
 */
export function checkObjectOwners(contract: OwnedObjects, issue: AddIssue): void {
  const owners = contract.objectOwners;
  if (owners === undefined) return;
  const linked = new Set(contract.objectCodes);
  for (const code of Object.keys(owners)) {
    if (!linked.has(code)) {
      issue(
        ['objectOwners', code],
        `object ${clip(code, 40)} is not linked to this contract: remove its owner, or add it to objectCodes`,
      );
    }
  }
  const customer = contract.debtorNumber;
  const known = contract.objectCodes.filter((code) => Object.hasOwn(owners, code));
  const foreign = known.filter((code) => owners[code] !== customer);
  if (foreign.length === 0) return;
  if (foreign.length === known.length) {
    const previous = [...new Set(foreign.map((code) => owners[code] as string))];
    const byCustomer = previous
      .map((debtor) => `${list(foreign.filter((code) => owners[code] === debtor))} of customer ${clip(debtor, 40)}`)
      .join('; ');
    issue(
      ['debtorNumber'],
      `the linked objects belong to another customer than ${clip(customer, 40)} (${clip(byCustomer, 300)}): ` +
        `to move the contract to customer ${clip(customer, 40)}, unlink those objects first and link objects of ` +
        `${clip(customer, 40)}; otherwise keep customer ${clip(previous[0], 40)}`,
    );
    return;
  }
  for (const code of foreign) {
    issue(
      ['objectOwners', code],
      `object ${clip(code, 40)} belongs to customer ${clip(owners[code], 40)}, not to this contract's customer ` +
        `${clip(customer, 40)}: unlink it, or link an object of ${clip(customer, 40)}`,
    );
  }
}
