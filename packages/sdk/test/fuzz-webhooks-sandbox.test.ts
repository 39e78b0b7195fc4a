// Hostile and random input at every public webhook function and at the sandbox's request handling: the answer is
// always a typed result or a typed error, nothing reaches Object.prototype, and no call takes long.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContractbeheerError, SignatureVerificationError, ValidationError } from '../src/index.js';
import { createHostSandbox, SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } from '../src/testing.js';
import { constructEvent, generateTestHeaders, SIGNATURE_HEADER, signWebhook, verifyWebhook } from '../src/webhooks.js';

/** Generous for 2 shared cores; a backtracking or unbounded path takes seconds. */
const MAX_CALL_MS = 1_500;
const REASONS = [
  'missing-header',
  'malformed-header',
  'malformed-timestamp',
  'bad-signature',
  'too-old',
  'timestamp-in-future',
  'malformed-body',
];
const SECRET = 'whsec_fuzz_secret_0123456789';
const NOW_MS = Date.UTC(2025, 2, 14, 10, 0, 0);
const NOW_S = NOW_MS / 1000;

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const baseline = prototypes.map((p) => Object.getOwnPropertyNames(p).sort());

function expectNoPollution(): void {
  expect(({} as { length?: unknown }).length).toBeUndefined();
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  prototypes.forEach((p, i) => expect(Object.getOwnPropertyNames(p).sort()).toEqual(baseline[i]));
}

/** Runs one call, timed, and returns what it resolved to or threw; checks for pollution after. */
async function settle(call: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  const started = performance.now();
  let outcome: { value?: unknown; error?: unknown };
  try {
    outcome = { value: await call() };
  } catch (error) {
    outcome = { error };
  }
  expect(performance.now() - started).toBeLessThan(MAX_CALL_MS);
  expectNoPollution();
  return outcome;
}

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'length',
);
const huge = fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'v1=ab,'.repeat(Math.ceil(n / 6)));
const hex = fc.stringMatching(/^[0-9a-f]{0,70}$/);
const stamp = fc.oneof(
  fc.integer({ min: NOW_S - 1_000, max: NOW_S + 1_000 }).map(String),
  fc.constantFrom('', 'NaN', 'Infinity', '-1', '1e9', '0x10', '17.5', ' 1 ', '99999999999999999999'),
  fc.string(),
);
const signatureLike = fc
  .tuple(fc.array(stamp, { maxLength: 2 }), fc.array(hex, { maxLength: 4 }), fc.array(fc.string(), { maxLength: 2 }))
  .map(([ts, sigs, junk]) => [...ts.map((t) => `t=${t}`), ...sigs.map((s) => `v1=${s}`), ...junk].join(','));
const headerValue = fc.oneof(
  signatureLike,
  fc.string(),
  huge,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(signatureLike, fc.integer())),
  fc.object(),
);
const headerName = fc.oneof(
  fc.constantFrom(SIGNATURE_HEADER, SIGNATURE_HEADER.toUpperCase(), 'X-Contractbeheer-Signature'),
  hostileKey,
  fc.string(),
);
const headers = fc.oneof(
  fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  fc.dictionary(headerName, headerValue, { maxKeys: 4, noNullPrototype: false }),
  signatureLike.map((value) => new Headers({ [SIGNATURE_HEADER]: value.replace(/[^\x20-\x7e]/g, '') })),
  fc.constantFrom(null, undefined, 0, 42, '', 'headers', true),
  fc.anything(),
);
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.uint8Array({ maxLength: 2_048 }),
  fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => new Uint8Array(n).fill(0xff)),
  fc.anything(),
);
const secrets = fc.oneof(
  fc.constantFrom(SECRET, '', ' ', [SECRET, ''], ['', SECRET], [], ['', '  ']),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.constant(SECRET), fc.anything()), { maxLength: 4 }),
  fc.anything(),
);
const seconds = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0, 0, 300, 1e300),
  fc.double(),
  fc.integer(),
  fc.anything(),
);
const now = fc.oneof(
  fc.constant(NOW_MS),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, new Date(Number.NaN)),
  fc.date({ noInvalidDate: false }),
  fc.double(),
  fc.anything(),
);
const timestamp = fc.oneof(fc.constant(undefined), fc.integer({ min: NOW_S - 600, max: NOW_S + 600 }), seconds, now);
const payload = fc.oneof(
  fc.record({
    id: fc.string(),
    type: fc.constant('object.updated'),
    createdAt: fc.string(),
    data: fc.record({ code: fc.string() }),
  }),
  fc.json(),
  fc.dictionary(fc.oneof(hostileKey, fc.string()), fc.anything(), { noNullPrototype: false }),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true }),
);

/** A verifier's answer: a result with a known reason, or a ContractbeheerError; and no secret in any message. */
function expectTypedVerification(
  outcome: { value?: unknown; error?: unknown },
  throws: readonly (typeof ContractbeheerError)[],
) {
  if ('error' in outcome) {
    expect(
      throws.some((type) => outcome.error instanceof type),
      String(outcome.error),
    ).toBe(true);
    expect((outcome.error as Error).message).not.toContain(SECRET);
    return;
  }
  const result = outcome.value as { ok: boolean; reason?: string; message?: string };
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(REASONS).toContain(result.reason);
    expect(typeof result.message).toBe('string');
    expect(result.message).not.toContain(SECRET);
  }
}

describe('fuzz: @contractbeheer/sdk/webhooks', () => {
  it('verifyWebhook and constructEvent answer anything with a typed result or error, never ok', async () => {
    await fc.assert(
      fc.asyncProperty(body, headers, secrets, seconds, now, async (rawBody, hdrs, secretList, tolerance, clock) => {
        const input = { rawBody, headers: hdrs, secrets: secretList, toleranceSeconds: tolerance, now: clock } as never;
        const verified = await settle(() => verifyWebhook(input));
        expectTypedVerification(verified, [ValidationError]);
        // Nothing here was signed with a configured secret, so nothing may verify.
        expect((verified.value as { ok?: boolean } | undefined)?.ok).not.toBe(true);
        expectTypedVerification(await settle(() => constructEvent(input)), [
          ValidationError,
          SignatureVerificationError,
        ]);
      }),
      { numRuns: 400 },
    );
  });

  it('a correctly signed delivery verifies only with its secret, a sane tolerance and a close clock', async () => {
    const event = { id: 'evt_fuzz', type: 'object.updated', createdAt: '2025-03-14T10:00:00Z', data: { code: 'X' } };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: NOW_S - 900, max: NOW_S + 900 }),
        secrets,
        seconds,
        now,
        async (t, secretList, tolerance, clock) => {
          const signed = await signWebhook({ payload: event, secret: SECRET, timestamp: t });
          const input = {
            rawBody: signed.body,
            headers: signed.headers,
            secrets: secretList,
            toleranceSeconds: tolerance,
            now: clock,
          };
          const outcome = await settle(() => verifyWebhook(input as never));
          expectTypedVerification(outcome, [ValidationError]);
          if ((outcome.value as { ok?: boolean } | undefined)?.ok !== true) return;
          const list = typeof secretList === 'string' ? [secretList] : (secretList as unknown[]);
          expect(list).toContain(SECRET);
          const limit = tolerance === undefined ? 300 : (tolerance as number);
          expect(Number.isFinite(limit) && limit >= 0).toBe(true);
          const nowMs = clock === undefined ? Date.now() : clock instanceof Date ? clock.getTime() : (clock as number);
          expect(Math.abs(Math.floor(nowMs / 1000) - t)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('signWebhook and generateTestHeaders sign what they can and throw a ValidationError for the rest', async () => {
    await fc.assert(
      fc.asyncProperty(payload, secrets, timestamp, async (data, secretList, at) => {
        const input = { payload: data, secret: secretList, timestamp: at } as never;
        for (const sign of [
          signWebhook,
          async (i: never) => ({ body: undefined, headers: await generateTestHeaders(i) }),
        ]) {
          const outcome = await settle(() => sign(input));
          if ('error' in outcome) {
            expect(outcome.error, String(outcome.error)).toBeInstanceOf(ValidationError);
            expect((outcome.error as Error).message).not.toContain(SECRET);
            continue;
          }
          const signed = outcome.value as { body?: string; headers: Record<string, string> };
          expect(signed.headers[SIGNATURE_HEADER]).toMatch(/^t=\d{1,12}(,v1=[0-9a-f]{64})+$/);
          if (signed.body === undefined) continue;
          expect(typeof signed.body).toBe('string');
          const t = Number(/^t=(\d+)/.exec(signed.headers[SIGNATURE_HEADER] as string)?.[1]);
          const back = await settle(() =>
            verifyWebhook({
              rawBody: signed.body as string,
              headers: signed.headers,
              secrets: secretList as never,
              now: t * 1000,
            }),
          );
          expectTypedVerification(back, []);
          // What was signed verifies with the same secrets: at worst the body is no event.
          expect(back.value).toSatisfy((r: { ok: boolean; reason?: string }) => r.ok || r.reason === 'malformed-body');
        }
      }),
      { numRuns: 300 },
    );
  });
});

const endpoints = [
  'PostWorkorders',
  'GetWorkorder',
  'GetWorkorders',
  'UpdateWorkorder',
  'DeleteEntity',
  'objects/changed',
  'relations',
  'objects',
  'object',
  'employees',
  'materials',
  'hourtypes',
  'priorities',
  'workstatusses',
  'worktypes',
  'hours',
];
const params = [
  'entity',
  'delete_all',
  'key',
  'value',
  'operator',
  'key[]',
  'value[]',
  'operator[]',
  'status',
  'row_id',
  'workorder_no',
  'update_status',
  'workdate',
  'worktime',
  'employee_nr',
  'workstatus',
  'obj_code',
];
const wildcards = fc
  .array(fc.constantFrom('%', '%', 'a', 'a', 'e', 'A', '.', '*', '(', '\\'), { maxLength: 40 })
  .map((p) => p.join(''));
const paramValue = fc.oneof(
  { arbitrary: hostileKey, weight: 3 },
  { arbitrary: fc.constantFrom('true', '1', 'false', '0'), weight: 2 },
  { arbitrary: wildcards, weight: 2 },
  fc.constantFrom(
    'li',
    'eq',
    'ne',
    'gt',
    'le',
    'relation',
    'workorder',
    'Alle',
    'Compleet',
    'name',
    'db_row',
    '2100000',
  ),
  fc.string(),
);
const randomQuery = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...params), hostileKey, fc.string()), paramValue), {
  maxLength: 8,
});
type Pair = [string, string];
/** Queries shaped like the ones that reach a key look-up, so hostile keys land where they can do harm. */
const deleteQuery = fc
  .tuple(paramValue, fc.constantFrom('true', '1', 'false', '0'), paramValue, paramValue)
  .map(([entity, all, key, value]): Pair[] => [
    ['entity', entity],
    ['delete_all', all],
    ['key', key],
    ['value', value],
  ]);
const filterQuery = fc
  .array(
    fc.tuple(
      fc.oneof(hostileKey, fc.constantFrom('name', 'code', 'obj_code')),
      fc.constantFrom('li', 'eq', 'ge', 'x'),
      paramValue,
    ),
  )
  .map((filters) =>
    filters.flatMap(([key, operator, value]): Pair[] => [
      ['key[]', key],
      ['operator[]', operator],
      ['value[]', value],
    ]),
  );
const recordBody = fc.array(
  fc.dictionary(fc.oneof(hostileKey, fc.constantFrom('name', 'WorkorderNo', 'code'), fc.string()), fc.jsonValue()),
  {
    maxLength: 3,
  },
);
const requestBody = fc.oneof(
  fc.constant(undefined),
  recordBody.map((records) => JSON.stringify(records)),
  fc.json(),
  fc.string(),
  fc.integer({ min: 70_000, max: 200_000 }).map((n) => `[${' '.repeat(n)}]`),
);
const request = fc.oneof(
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    endpoint: fc.oneof({ arbitrary: fc.constantFrom(...endpoints), weight: 3 }, hostileKey, fc.string()),
    query: randomQuery,
    body: requestBody,
  }),
  fc.record({
    method: fc.constant('GET'),
    endpoint: fc.constant('DeleteEntity'),
    query: deleteQuery,
    body: fc.constant(undefined),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'POST'),
    endpoint: fc.oneof(fc.constantFrom('relations', 'objects', 'object', 'materials'), hostileKey),
    query: filterQuery,
    body: requestBody,
  }),
);
const credentials = fc.constantFrom('valid', 'valid', 'valid', 'none', 'wrong');

describe('fuzz: the sandbox', () => {
  it('answers every request with a response, keeps Object.prototype clean and stays fast', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(request, credentials), { minLength: 1, maxLength: 5 }),
        fc.string(),
        async (requests, webhookSecret) => {
          const sandbox = createHostSandbox({ maxBodyBytes: 64 * 1024 });
          // A long value, so that a backtracking `li` match would show up in the time per call.
          sandbox.records.relations?.push({
            name: 'a'.repeat(40),
            debtor_number: 'D9',
            street: 's',
            postal_code: 'p',
            city: 'c',
          });
          // An unusable secret and URL: a delivery fails quietly instead of rejecting unhandled.
          sandbox.configureWebhooks({ url: 'http://[not-a-host', secret: webhookSecret });
          for (const [r, access] of requests) {
            const query = new URLSearchParams(r.query);
            if (access !== 'none') query.set('token', access === 'valid' ? SANDBOX_TOKEN : 'wrong');
            if (access !== 'none') query.set('software_token', SANDBOX_SOFTWARE_TOKEN);
            const path = r.endpoint.split('/').map(encodeURIComponent).join('/');
            const withBody = r.body !== undefined && r.method !== 'GET';
            const url = `https://www.out-smart.com/openapi/8/${path}?${query.toString()}`;
            const outcome = await settle(async () => {
              const { response } = await sandbox.handle(
                new Request(url, { method: r.method, ...(withBody && { body: r.body }) }),
              );
              return { status: response.status, text: await response.text() };
            });
            expect(outcome.error, String(outcome.error)).toBeUndefined();
            const { status, text } = outcome.value as { status: number; text: string };
            expect([200, 413]).toContain(status);
            if (status !== 200) continue;
            const envelope = JSON.parse(text) as { code: unknown; messages: unknown };
            expect(typeof envelope.code).toBe('number');
            expect(Array.isArray(envelope.messages)).toBe(true);
          }
          await sandbox.flushWebhooks();
          expectNoPollution();
        },
      ),
      { numRuns: 250 },
    );
  });
});
