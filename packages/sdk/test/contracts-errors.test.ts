import { CoreError, type CoreErrorCode } from '@contractbeheer/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  CONTRACTS_ERROR_STATUSES,
  ConflictError,
  createContractsClient,
  statusForErrorCode,
  ValidationError,
  type ContractbeheerError,
} from '../src/index.js';

const API = 'https://contracts.test/api/v1';
const client = () => createContractsClient({ baseUrl: API, apiKey: 'cb_live_key_0123456789', maxRetries: 0 });
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Every code the core throws; `satisfies` fails to compile when the core adds one this list misses. */
const CORE_CODES = [
  'invalid-input',
  'invalid-rrule',
  'invalid-local-time',
  'invalid-time-zone',
  'invalid-range',
  'date-out-of-range',
  'invalid-schedule',
  'invalid-command',
  'not-allowed',
  'version-conflict',
] as const satisfies readonly CoreErrorCode[];
type Missing = Exclude<CoreErrorCode, (typeof CORE_CODES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;

describe('CONTRACTS_ERROR_STATUSES', () => {
  it('gives every core code a 4xx status: a caller can fix each of them', () => {
    expect(complete).toBe(true);
    for (const code of CORE_CODES) expect(statusForErrorCode(code), code).toBeGreaterThanOrEqual(400);
    for (const code of CORE_CODES) expect(statusForErrorCode(code), code).toBeLessThan(500);
    expect(statusForErrorCode('no-such-code')).toBeUndefined();
    expect(statusForErrorCode('toString')).toBeUndefined();
    expect(CONTRACTS_ERROR_STATUSES['version-conflict']).toBe(409);
  });
});

describe('the contracts client keeps the error body', () => {
  const answer = (status: number, error: Record<string, unknown>) =>
    server.use(http.get(`${API}/contracts/C-1`, () => HttpResponse.json({ error }, { status })));
  const failure = async (): Promise<ContractbeheerError> => {
    const error = await client()
      .contracts.get('C-1')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    return error as ContractbeheerError;
  };

  it.each([
    [400, 'invalid-schedule', ['schedule', 'weekdays'], ValidationError],
    [409, 'not-allowed', [], ConflictError],
    [412, 'version-conflict', ['expectedVersion'], ConflictError],
    [422, 'invalid-input', ['workOrders', 0, 'state'], ValidationError],
  ] as const)('HTTP %i: code %s and path %j as properties', async (status, code, path, kind) => {
    answer(status, { code, message: 'pick at least one weekday.', path });
    const error = await failure();
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ status, code, path });
    expect(error.toJSON()).toMatchObject({ code, ...(path.length > 0 && { path }) });
    // For people reading a log, the message still names the field.
    if (path.length > 0) expect(error.message).toContain(`${path.join('.')}: pick at least one weekday.`);
  });

  it("passes a core error's code, path and message through as the server sends them", async () => {
    const core = new CoreError('invalid-schedule', 'pick at least one weekday.', { path: ['schedule', 'weekdays'] });
    answer(400, { code: core.code, message: core.message, path: core.path });
    expect(await failure()).toMatchObject({ code: core.code, path: core.path });
  });

  it('a body without code or with a hostile path gives no code and only the usable path parts', async () => {
    answer(400, { message: 'nope', path: ['a', { toString: 1 }, 2, null] });
    expect(await failure()).toMatchObject({ code: undefined, path: ['a', 2] });
  });

  it('an unknown code keeps the class of the HTTP status; a known one picks the class of its status', async () => {
    answer(400, { code: 'from-a-newer-server', message: 'x' });
    expect(await failure()).toBeInstanceOf(ValidationError);
    answer(500, { code: 'internal', message: 'report request id r-1 to the operator.' });
    const internal = await failure();
    expect(internal).toBeInstanceOf(ApiError);
    expect(internal).toMatchObject({ code: 'internal', path: [] });
  });
});
