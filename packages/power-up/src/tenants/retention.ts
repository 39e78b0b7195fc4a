/**
 * How long an uninstalled tenant's data (contracts, settings, history) is kept before it may be purged: 30 days
 * from the first uninstall. Installing again within that time brings everything back; credentials are deleted at
 * uninstall itself and never kept. `purgeExpiredTenants` deletes what is past the period.
 */
export const RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment after which a tenant uninstalled at `uninstalledAt` may be purged. */
export function purgeableAfter(uninstalledAt: string): Date {
  return new Date(Date.parse(uninstalledAt) + RETENTION_DAYS * DAY_MS);
}
