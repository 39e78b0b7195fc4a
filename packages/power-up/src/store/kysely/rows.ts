import { contractsApi } from '@contractbeheer/sdk';
import * as z from 'zod';

/*
 * Rows as they come back, checked before they leave the store. The two drivers differ in small ways (PGlite returns
 * `bigint` columns as numbers, pg as strings), so these schemas also make their results the same.
 */

export const instant = z.date().transform((date) => date.toISOString());
const optionalInstant = z
  .date()
  .nullable()
  .transform((date) => (date === null ? null : date.toISOString()));
/** Whole cents or ids held in `bigint` columns; refuses what a JS number cannot hold exactly. */
const wholeNumber = z.union([z.string(), z.number(), z.bigint()]).transform((value, ctx) => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    ctx.addIssue({ code: 'custom', message: `${String(value)} is not a whole number a JS number can hold` });
    return z.NEVER;
  }
  return number;
});
const idText = z.union([z.string(), z.number(), z.bigint()]).transform(String);

/** Settings as stored (JSON): fields added later take their default when a row predates them. */
export const tenantSettingsSchema = z.object({
  reasonRequired: z.boolean().default(false),
  catchUpLimitDays: z.number().int().min(0).max(3660).default(14),
  notStartedAfterTermination: z.enum(['leave', 'delete']).default('leave'),
  timeZone: z.string().min(1).default('Europe/Amsterdam'),
  holidays: z.union([z.literal('nl'), z.array(z.string())]).default('nl'),
  hourTypeRates: z.record(z.string(), z.object({ amount: z.number().int(), currency: z.string() })).default({}),
  // Rows from before working hours were a setting read as the office hours the SLA clocks used until then.
  workingHours: contractsApi.workingHoursSchema.default(() => structuredClone(contractsApi.DEFAULT_WORKING_HOURS)),
});

export const tenantRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    settings: tenantSettingsSchema,
    created_at: instant,
    status: z.enum(['installed', 'uninstalled']),
    host_base_url: z.string().nullable(),
    uninstalled_at: optionalInstant,
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    settings: row.settings,
    createdAt: row.created_at,
    status: row.status,
    hostBaseUrl: row.host_base_url,
    uninstalledAt: row.uninstalled_at,
  }));

export const credentialsRowSchema = z
  .object({
    key_id: z.string(),
    iv: z.string(),
    auth_tag: z.string(),
    ciphertext: z.string(),
    updated_at: instant,
  })
  .transform((row) => ({
    sealed: { keyId: row.key_id, iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext },
    updatedAt: row.updated_at,
  }));

export const terminationRowSchema = z
  .object({
    contract_id: z.string(),
    date: z.string(),
    reason_code: z.string().nullable(),
    reason_label: z.string().nullable(),
    remark: z.string().nullable(),
    lost_value_cents: wholeNumber,
    currency: z.string(),
    recorded_at: instant,
    recorded_by: z.string(),
  })
  .transform((row) => ({
    contractId: row.contract_id,
    date: row.date,
    ...(row.reason_code === null ? {} : { reasonCode: row.reason_code }),
    ...(row.reason_label === null ? {} : { reasonLabel: row.reason_label }),
    ...(row.remark === null ? {} : { remark: row.remark }),
    lostValue: { amount: row.lost_value_cents, currency: row.currency },
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  }));

export const apiKeyRowSchema = z
  .object({ id: z.string(), name: z.string(), hint: z.string(), created_at: instant, revoked_at: optionalInstant })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    hint: row.hint,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));

export const auditRowSchema = z
  .object({
    id: idText,
    at: instant,
    actor: z.string(),
    action: z.string(),
    entity_type: z.enum([
      'tenant',
      'contract',
      'terms',
      'sla-policy',
      'cancellation-reason',
      'termination',
      'api-key',
      'credentials',
    ]),
    entity_id: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .transform((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: { type: row.entity_type, id: row.entity_id },
    details: row.details,
  }));
