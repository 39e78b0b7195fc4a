import type { Tenant } from '../store.js';
import { tenantRowSchema } from './rows.js';

/*
 * Every authenticated request reads its key's tenant, and parsing that row (the settings with their defaults, the
 * instants) was a large share of a simple read's CPU. Like `stored-contracts.ts`, this keeps the parsed tenants of
 * recent reads, keyed by every value of the row as read (the settings as their JSON text): a tenant changed in any
 * way is a different key and is parsed afresh, so nothing handed out here is stale. The parsed values are shared
 * between requests and must not be changed in place.
 */

/** Tenants are few per instance; the bound only keeps a host with very many of them from growing the map for ever. */
const REMEMBERED = 1_000;

const parsedByRow = new Map<string, Tenant>();

/** A `tenants` row with its settings as JSON text (`settings::text`). */
export type TenantRowText = {
  id: string;
  name: string;
  settings_text: string;
  created_at: Date;
  status: string;
  host_base_url: string | null;
  uninstalled_at: Date | null;
};

/** The tenant a row holds, parsed once per distinct row while it stays in use. */
export function readStoredTenant(row: TenantRowText): Tenant {
  const key = JSON.stringify([
    row.id,
    row.name,
    row.status,
    row.host_base_url,
    row.created_at.getTime(),
    row.uninstalled_at?.getTime() ?? null,
    row.settings_text,
  ]);
  const known = parsedByRow.get(key);
  if (known !== undefined) return known;
  const { settings_text, ...columns } = row;
  const tenant = tenantRowSchema.parse({ ...columns, settings: JSON.parse(settings_text) as unknown });
  parsedByRow.set(key, tenant);
  if (parsedByRow.size > REMEMBERED) parsedByRow.delete(parsedByRow.keys().next().value!);
  return tenant;
}
