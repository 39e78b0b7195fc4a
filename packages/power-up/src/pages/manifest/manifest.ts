import packageJson from '../../../package.json' with { type: 'json' };
import { CONTEXT_AUDIENCE, MAX_CONTEXT_LIFETIME_SECONDS } from '../context/context-claims.js';
import { CONTEXT_PARAM, type PageDefinition } from '../page-route.js';
import { manifestSchema, type Manifest } from './manifest-schema.js';

/**
 * The power-up's manifest, built from its pages (each page that the host opens directly declares its capability),
 * so every capability URL is a page that is served. Validated by the schema when built: a bad page definition stops
 * the service at start, not the host at install.
 */
export function buildManifest(pages: readonly PageDefinition[]): Manifest {
  return manifestSchema.parse({
    name: 'Contractbeheer',
    version: packageJson.version,
    description: {
      nl: 'Servicecontracten met schema’s, budgetten en SLA’s; maakt werkbonnen precies één keer aan.',
      en: 'Service contracts with schedules, budgets and SLAs; creates work orders exactly once.',
    },
    permissions: [
      'objects:read',
      'relations:read',
      'workorders:read',
      'workorders:write',
      'employees:read',
      'materials:read',
    ],
    webhooks: {
      events: ['workorder.created', 'workorder.updated', 'workorder.completed', 'object.changed', 'relation.changed'],
      signature: 'x-contractbeheer-signature: t=<unix seconds>,v1=<HMAC-SHA256 hex of "<t>." + body>',
    },
    lifecycle: { install: '/marketplace/install', uninstall: '/marketplace/uninstall', rotate: '/marketplace/rotate' },
    context: {
      parameter: CONTEXT_PARAM,
      algorithm: 'HS256',
      audience: CONTEXT_AUDIENCE,
      maxLifetimeSeconds: MAX_CONTEXT_LIFETIME_SECONDS,
    },
    capabilities: pages.flatMap((page) =>
      page.capability === undefined
        ? []
        : [{ ...page.capability, url: page.path, entity: page.entities?.[0] ?? 'contract' }],
    ),
  });
}

/** The manifest with absolute URLs, against the origin it is fetched from (the power-up's public address). */
export function absoluteManifest(manifest: Manifest, origin: string) {
  const absolute = (path: string) => new URL(path, origin).toString();
  return {
    ...manifest,
    lifecycle: {
      install: absolute(manifest.lifecycle.install),
      uninstall: absolute(manifest.lifecycle.uninstall),
      rotate: absolute(manifest.lifecycle.rotate),
    },
    capabilities: manifest.capabilities.map((capability) => ({ ...capability, url: absolute(capability.url) })),
  };
}
