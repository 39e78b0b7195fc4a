import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  createHostClient,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Every application code of OPENApi v8 §4 (and the undocumented 1051), with the error class it must become. */
const CODES: [number, new (...args: never[]) => Error, RegExp][] = [
  [1000, ApiError, /no endpoint/],
  [1001, ApiError, /endpoint is unknown/],
  [1002, AuthenticationError, /token query parameter is missing/],
  [1003, AuthenticationError, /software_token query parameter is missing/],
  [1004, PermissionError, /not authorized/],
  [1005, AuthenticationError, /software token is wrong/],
  [1006, ApiError, /only accepts HTTPS/],
  [1007, ApiError, /uncaught server error/],
  [1008, ValidationError, /no request body/],
  [1009, ValidationError, /not a JSON array or object/],
  [1051, ValidationError, /required field is missing/],
  [1100, ValidationError, /insert or update failed/],
  [1101, ValidationError, /required field is missing/],
  [1200, ValidationError, /insert or update failed/],
  [1201, ValidationError, /required field is missing/],
  [1300, ValidationError, /insert or update failed/],
  [1301, ValidationError, /required field is missing/],
  [1400, ValidationError, /no location data/],
  [1500, NotFoundError, /no work order matches/],
  [1501, ValidationError, /misses a required field/],
  [1502, ValidationError, /update has no data/],
  [1503, ConflictError, /no data changed/],
  [1504, ValidationError, /could not parse the data/],
  [1600, ValidationError, /delete failed/],
  ...[1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400, 2500, 2600, 2700, 2800].flatMap(
    (code): [number, typeof ValidationError, RegExp][] => [
      [code, ValidationError, /insert or update failed/],
      [code + 1, ValidationError, /required field is missing/],
    ],
  ),
];

describe('every host application code', () => {
  it.each(CODES)('%i becomes a %o that explains it', async (code, type, explanation) => {
    server.resetHandlers(
      http.get('https://www.out-smart.com/openapi/8/*', () =>
        HttpResponse.json({ code, messages: ['detail from the host'], response: null }),
      ),
    );
    const host = createHostClient({ token: 'client-token-abc', softwareToken: 'software-token-def', maxRetries: 0 });
    const error = await host.employees.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ appCode: code, status: 200, messages: ['detail from the host'] });
    expect((error as Error).message).toMatch(explanation);
    expect((error as Error).message).toContain(`host code ${code}`);
  });

  it('a code given as a string is read too, and 200 is success', async () => {
    server.resetHandlers(
      http.get('https://www.out-smart.com/openapi/8/*', () =>
        HttpResponse.json({ code: '200', messages: null, response: [] }),
      ),
    );
    const host = createHostClient({ token: 'client-token-abc', softwareToken: 'software-token-def' });
    expect(await host.employees.list()).toEqual([]);
  });
});
