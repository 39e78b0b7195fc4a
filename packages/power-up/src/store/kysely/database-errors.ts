import { PowerUpError } from '../../power-up-error.js';

/** The SQLSTATE of a database error, from either driver (pg and PGlite both set `code`). */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a tenant-scoped write, turning "the tenant does not exist" into a typed error. Every tenant table references
 * `tenants`, so a foreign-key violation on a write naming a tenant means exactly that.
 */
export async function forKnownTenant<T>(tenantId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === '23503') {
      throw new PowerUpError('unknown-tenant', `there is no tenant '${tenantId}': install the tenant first.`, {
        path: ['tenantId'],
        cause: error,
      });
    }
    throw error;
  }
}
