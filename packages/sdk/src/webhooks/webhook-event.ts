import * as z from 'zod';

export const WEBHOOK_EVENT_TYPES = [
  'workorder.created',
  'workorder.updated',
  'workorder.status_changed',
  'workorder.completed',
  'workorder.deleted',
  'object.created',
  'object.updated',
  'object.deleted',
  'relation.updated',
  'installation.installed',
  'installation.uninstalled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const base = { id: z.string().min(1), createdAt: z.string(), tenantId: z.string().optional() };
const workOrderData = z
  .object({
    rowId: z.number().nullable(),
    workorderNo: z.string().nullable(),
    status: z.string().nullable().optional(),
  })
  .loose();
const objectData = z.object({ code: z.string() }).loose();

/** Every event Contractbeheer sends or receives, as a union on `type`. */
export const webhookEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('workorder.created'), data: workOrderData }),
  z.object({ ...base, type: z.literal('workorder.updated'), data: workOrderData }),
  z.object({
    ...base,
    type: z.literal('workorder.status_changed'),
    data: workOrderData.extend({ previousStatus: z.string().nullable(), status: z.string() }),
  }),
  z.object({ ...base, type: z.literal('workorder.completed'), data: workOrderData }),
  z.object({ ...base, type: z.literal('workorder.deleted'), data: workOrderData }),
  z.object({ ...base, type: z.literal('object.created'), data: objectData }),
  z.object({ ...base, type: z.literal('object.updated'), data: objectData }),
  z.object({ ...base, type: z.literal('object.deleted'), data: objectData }),
  z.object({ ...base, type: z.literal('relation.updated'), data: z.object({ debtorNumber: z.string() }).loose() }),
  z.object({ ...base, type: z.literal('installation.installed'), data: z.object({ tenantId: z.string() }).loose() }),
  z.object({ ...base, type: z.literal('installation.uninstalled'), data: z.object({ tenantId: z.string() }).loose() }),
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
