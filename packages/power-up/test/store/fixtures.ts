import { createHash } from 'node:crypto';
import { parseContract, type Contract, type ContractInput } from '@contractbeheer/core';
import type { ChangeMeta, Store } from '../../src/store/store.js';

let counter = 0;
/** A tenant id no other test in this process uses, so tests sharing one database never see each other's rows. */
export function uniqueTenantId(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${counter}`;
}

export const meta = (at = '2026-01-15T09:00:00.000Z', actor = 'user:anna'): ChangeMeta => ({ actor, at });

export async function installTenants(store: Store, ...labels: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const label of labels) {
    const id = uniqueTenantId(label);
    await store.tenants.create({ id, name: `Tenant ${label}` }, meta());
    ids.push(id);
  }
  return ids;
}

export function preventive(id: string, overrides: Partial<ContractInput> = {}): Contract {
  return parseContract({
    id,
    type: 'preventive',
    startDate: '2025-01-01',
    debtorNumber: 'D100',
    objectCodes: ['CV-01'],
    schedule: { unit: 'month', day: 15 },
    ...overrides,
  });
}

export function corrective(id: string, overrides: Partial<ContractInput> = {}): Contract {
  return parseContract({ id, type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D200', ...overrides });
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const yearTerms = (code = 'JAAR', name = 'Jaarcontract') => ({
  code,
  name,
  description: '',
  autoExtend: true,
  period: { count: 1, unit: 'year' as const },
  noticeBeforeCancellation: { count: 1, unit: 'month' as const },
  invoicePeriod: { count: 1, unit: 'month' as const },
});

export const goldPolicy = (code = 'GOUD') => ({
  code,
  name: 'Goud',
  description: '',
  responseStatus: 'ONDERWEG',
  resolvedStatus: 'COMPLEET',
  clock: 'calendar' as const,
  targets: {
    HOOG: { response: { amount: 4, unit: 'hours' as const }, resolution: { amount: 2, unit: 'days' as const } },
  },
});
