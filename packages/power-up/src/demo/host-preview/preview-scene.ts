import { parseContract, type ContractTerms, type SlaPolicy } from '@contractbeheer/core';
import type { HostClient, PostWorkorderRecord } from '@contractbeheer/sdk';
import type { ChangeMeta, TenantStore } from '../../store/store.js';

/** The host records the preview shows: an object and its customer from the sandbox's seed, and one work order. */
export const PREVIEW_ENTITIES = {
  object: 'CV-KETEL-88',
  customer: 'D1001',
  workOrder: 'PREVIEW-SLA-1',
} as const;

const TERMS: ContractTerms = {
  code: 'PREVIEW-JAAR',
  name: 'Jaarcontract, stilzwijgend verlengd',
  description: '',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 3, unit: 'month' },
  invoicePeriod: { count: 1, unit: 'month' },
};

const SLA_POLICY: SlaPolicy = {
  code: 'PREVIEW-SLA',
  name: 'Storingsdienst 24/7',
  description: '',
  responseStatus: 'Opgehaald',
  resolvedStatus: 'Compleet',
  clock: 'calendar',
  targets: {
    '1': { response: { amount: 4, unit: 'hours' }, resolution: { amount: 1, unit: 'days' } },
    '2': { response: { amount: 1, unit: 'days' }, resolution: { amount: 3, unit: 'days' } },
  },
};

/** `YYYY-MM-01` of the month `months` after the month of `isoDate`. */
function firstOfMonth(isoDate: string, months: number): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/**
 * Two contracts on the preview's customer and object, dated from `today` so the screens have something to say on
 * any day: a preventive one whose notice deadline falls this month and whose planned work outruns its budget, and a
 * corrective one with an SLA policy for the work order. Written once (a second call finds them and changes nothing).
 */
export async function seedPreviewContracts(store: TenantStore, today: string, meta: ChangeMeta): Promise<void> {
  if ((await store.contracts.get('PREVIEW-ONDERHOUD')) !== undefined) return;
  // Starts 4 months ahead, a year ago: the year ends in 3 months, the 3-month notice deadline is this month.
  const startDate = firstOfMonth(firstOfMonth(today, 4), -12);
  await store.transaction(async (tx) => {
    await tx.terms.put(TERMS, meta);
    await tx.slaPolicies.put(SLA_POLICY, meta);
    await tx.contracts.create(
      parseContract({
        id: 'PREVIEW-ONDERHOUD',
        name: 'Onderhoud cv-ketel bakkerij',
        type: 'preventive',
        termsCode: TERMS.code,
        startDate,
        debtorNumber: PREVIEW_ENTITIES.customer,
        objectCodes: [PREVIEW_ENTITIES.object],
        schedule: { unit: 'month', day: 15 },
        workOrder: { workType: 'Onderhoud', description: 'Maandelijks onderhoud cv-ketel', durationMinutes: 60 },
        budget: { amount: { amount: 150_000, currency: 'EUR' }, per: 'contract-year' },
        expectedCostPerWorkOrder: { amount: 60_000, currency: 'EUR' },
      }),
      meta,
    );
    await tx.contracts.create(
      parseContract({
        id: 'PREVIEW-STORING',
        name: 'Storingsdienst bakkerij',
        type: 'corrective',
        startDate: firstOfMonth(today, -6),
        debtorNumber: PREVIEW_ENTITIES.customer,
        objectCodes: [PREVIEW_ENTITIES.object],
        slaPolicyCode: SLA_POLICY.code,
        workOrder: { workType: 'Storing', description: 'Storingen cv-ketel' },
      }),
      meta,
    );
  });
}

/** The preview's breakdown work order on the host, reported now with priority 1 (created once). */
export async function ensurePreviewWorkOrder(host: HostClient): Promise<void> {
  const existing = await host.workOrders.get({ workorderNo: PREVIEW_ENTITIES.workOrder }).catch(() => undefined);
  if (existing !== undefined) return;
  const record: PostWorkorderRecord = {
    WorkorderNo: PREVIEW_ENTITIES.workOrder,
    CustomerName: 'Bakkerij De Vries',
    CustomerDebtorNr: PREVIEW_ENTITIES.customer,
    CustomerStreet: 'Kerkstraat 12',
    CustomerZIP: '3511AB',
    CustomerCity: 'Utrecht',
    CustomerContactPerson: 'J. de Vries',
    CustomerNameInvoice: 'Bakkerij De Vries',
    CustomerDebtorNrInvoice: PREVIEW_ENTITIES.customer,
    CustomerStreetInvoice: 'Kerkstraat 12',
    CustomerZIPInvoice: '3511AB',
    CustomerCityInvoice: 'Utrecht',
    CustomerContactPersonInvoice: 'J. de Vries',
    TypeOfWork: 'Storing',
    WorkDescription: 'Cv-ketel geeft storing E1',
    PaymentMethod: 'Op rekening',
    WorkObjects: [PREVIEW_ENTITIES.object],
    PriorityCode: '1',
  };
  await host.workOrders.create(record);
}
