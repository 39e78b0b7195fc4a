import { describe, expect, it } from 'vitest';
import { CONTRACTS_HANDLERS } from './contracts-handlers.js';
import { CONTRACTS_API_ROUTES, operationRoutes } from './operation-routes.js';

describe('operationRoutes', () => {
  it('serves every route of the SDK table under /api/v1, with its method, in hono path syntax', () => {
    const routes = operationRoutes(CONTRACTS_HANDLERS);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      CONTRACTS_API_ROUTES.map((r) => `${r.method} /api/v1${r.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(routes.every((r) => r.access === 'tenant')).toBe(true);
  });

  it('refuses to start when a table route has no handler, naming it', () => {
    const { getBudget: _, ...incomplete } = CONTRACTS_HANDLERS;
    expect(() => operationRoutes(incomplete)).toThrow(/no handler for getBudget \(GET \/contracts\/\{id\}\/budget\)/);
  });

  it('refuses a handler for an operation the table does not have (a renamed route)', () => {
    const extra = { ...CONTRACTS_HANDLERS, getBudgets: CONTRACTS_HANDLERS.getBudget };
    expect(() => operationRoutes(extra)).toThrow(/getBudgets/);
  });
});
