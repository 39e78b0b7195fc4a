import * as z from 'zod';

/** A path on the power-up (`/pages/object-tab`); served absolute, against the origin the manifest was fetched from. */
const pathSchema = z.string().regex(/^\/[A-Za-z0-9/_-]*$/, { error: 'use an absolute path such as /pages/object-tab' });

const titleSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** Where in the host a capability appears. */
const CAPABILITY_KINDS = [
  'object-tab',
  'customer-tab',
  'work-order-panel',
  'contract-page',
  'settings-page',
  'dashboard-widget',
  'action-button',
] as const;

/** The host's API areas (OPENApi v8) the power-up asks permission for, each with read or write. */
const HOST_PERMISSIONS = [
  'objects:read',
  'relations:read',
  'workorders:read',
  'workorders:write',
  'employees:read',
  'materials:read',
] as const;

/** The host events the power-up subscribes to (pushed as signed webhooks, or polled where the host cannot push). */
const WEBHOOK_EVENTS = [
  'workorder.created',
  'workorder.updated',
  'workorder.completed',
  'object.changed',
  'relation.changed',
] as const;

const capabilitySchema = z.object({
  /** Stable id: the host remembers where the user placed it. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(CAPABILITY_KINDS),
  title: titleSchema,
  url: pathSchema,
  /** Which host record the host names in the context token's `entity` when it opens this capability. */
  entity: z.enum(['object', 'customer', 'work-order', 'contract', 'dashboard', 'settings']),
  /** How the host shows it: framed in its screen, or opened as a dialog (action buttons). */
  display: z.enum(['frame', 'dialog']),
});

/**
 * The manifest the host reads to embed the power-up: who it is, what it may do on the host, what it listens to, how
 * it is installed, and where each of its screens is. URLs are paths here; `/manifest.json` serves them absolute.
 */
export const manifestSchema = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/),
  description: titleSchema,
  permissions: z.array(z.enum(HOST_PERMISSIONS)).min(1),
  webhooks: z.object({
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
    /** How deliveries are signed (the SDK's scheme) — with the tenant's webhook secret from the install. */
    signature: z.literal('x-contractbeheer-signature: t=<unix seconds>,v1=<HMAC-SHA256 hex of "<t>." + body>'),
  }),
  lifecycle: z.object({ install: pathSchema, uninstall: pathSchema, rotate: pathSchema }),
  context: z.object({
    /** The query parameter the host puts the signed context token in. */
    parameter: z.string(),
    algorithm: z.literal('HS256'),
    audience: z.string(),
    maxLifetimeSeconds: z.number().int().positive(),
  }),
  capabilities: z.array(capabilitySchema).min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
