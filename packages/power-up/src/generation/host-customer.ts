import { hostCustomerSchema, hostFilter, type HostClient, type HostCustomer } from '@contractbeheer/sdk';
import { PowerUpError } from '../power-up-error.js';

/**
 * The customer fields a posted work order needs, from the host's relation record of the contract's debtor: the
 * contract itself knows only the debtor number. Refuses, naming the debtor, a relation the host does not have or one
 * that lacks a field the host requires (name, street, postal code, city).
 */
export async function hostCustomerFor(host: HostClient, debtorNumber: string): Promise<HostCustomer> {
  const [relation] = (await host.relations.list(hostFilter().where('debtor_number', 'eq', debtorNumber))).filter(
    (candidate) => candidate.debtorNumber === debtorNumber,
  );
  if (relation === undefined) {
    throw new PowerUpError(
      'invalid-input',
      `the host has no customer with debtor number ${debtorNumber}: create the relation in OutSmart first.`,
      { path: ['debtorNumber'] },
    );
  }
  const parsed = hostCustomerSchema.safeParse({
    name: relation.name ?? '',
    debtorNumber,
    street: relation.street ?? '',
    ...(relation.houseNumber !== null && { streetNumber: relation.houseNumber }),
    zip: relation.postalCode ?? '',
    city: relation.city ?? '',
    // A relation without a contact person is addressed to the customer itself.
    contactPerson: relation.contact ?? relation.name ?? '',
    ...(relation.email !== null && { email: relation.email }),
    ...(relation.phoneNumber !== null && { phone: relation.phoneNumber }),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'a field');
    throw new PowerUpError(
      'invalid-input',
      `customer ${debtorNumber} on the host has no ${field}: complete the relation in OutSmart.`,
      { path: ['debtorNumber'] },
    );
  }
  return parsed.data;
}
