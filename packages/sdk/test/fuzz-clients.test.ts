import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractbeheerError, createContractsClient, createHostClient, hostFilter } from '../src/index.js';

/**
 * Random and hostile input at every public function of both clients and at their factories: random option values,
 * random arguments, and a stub fetch that answers with random statuses, headers and bodies, throws, or never answers.
 * Whatever happens, a call resolves to a valid value or rejects with a ContractbeheerError — never a TypeError,
 * ZodError or RangeError — within its timeout (times its attempts), and no error shows a credential.
 */

const TOKEN = 'fuzz-client-token-5a1';
const SOFTWARE = 'fuzz-software-token-7b2';
const API_KEY = 'cb_fuzz_api_key_9c3';
/** The credentials this run gave its client (a hostile run may give others, which are then no secret of it). */
const secretsIn = (options: unknown) =>
  typeof options === 'object' && options !== null
    ? [TOKEN, SOFTWARE, API_KEY].filter((secret) => Object.values(options).includes(secret))
    : [];
const TIMEOUT_MS = 120;
/** The longest a call may take: all three attempts timing out, no wait between them, and scheduling slack. */
const BOUND_MS = TIMEOUT_MS * 3 + 1_500;

// ---- hostile answers -------------------------------------------------------------------------------------------

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '{', 'null', '[]', '{"code":', '\u0000', '\uD800', '<html>502</html>', '{"__proto__":{"x":1}}'),
  fc.constant(`${'['.repeat(5_000)}${']'.repeat(5_000)}`),
);
/** Mostly `sound`, now and then `hostile`. */
const mostly = <T, U>(sound: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: sound }, { weight: 1, arbitrary: hostile });
const hostileKey = fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'row_id', 'WorkorderNo');
const hostileRecord = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), hostileKey), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 6,
});
const responseValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(hostileRecord, { maxLength: 3 }), hostileRecord);
const envelopeBody = fc.record({
  code: fc.oneof(fc.constantFrom(200, 200, 200, 1002, 1004, 1007, 1500, 1501, 1503, 1600, '200', 'x'), fc.integer()),
  messages: fc.oneof(fc.array(fc.oneof(fc.jsonValue({ maxDepth: 1 }), hostileRecord), { maxLength: 2 }), hostileRecord),
  response: responseValue,
});
/** The contracts API's error body, with a path whose parts may be anything. */
const errorBody = fc.record({
  error: fc.record({ code: fc.string(), message: fc.string(), path: fc.array(fc.oneof(fc.string(), hostileRecord)) }),
});
/** A page whose cursor may never advance. */
const pageBody = fc.record({
  data: fc.array(hostileRecord, { maxLength: 2 }),
  nextCursor: fc.oneof(fc.constant(null), fc.constantFrom('', 'next'), fc.string({ maxLength: 5 })),
});
const answerBody = fc.oneof(
  fc.oneof(errorBody, envelopeBody, responseValue, pageBody).map((value) => JSON.stringify(value)),
  hostileText,
);

type Answer =
  | { kind: 'respond'; status: number; contentType: string | undefined; body: string; headers: Record<string, string> }
  | { kind: 'throw'; error: unknown }
  | { kind: 'not-a-response' }
  | { kind: 'hang' };

const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      status: fc.oneof(
        fc.constantFrom(200, 200, 200, 201, 204, 301, 302, 307, 308, 400, 401, 404, 409, 412, 429, 500, 503),
        fc.integer({ min: 200, max: 599 }),
      ),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', undefined),
      body: answerBody,
      headers: fc.record(
        {
          'retry-after': fc.constantFrom('0', 'soon', '-1', '99999', 'Wed, 21 Oct 2015 07:28:00 GMT'),
          location: fc.oneof(fc.webUrl(), fc.constantFrom('', `https://u:p@x.invalid/?token=${TOKEN}`, 'http:/[')),
          'x-request-id': fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(`req-${TOKEN}`, `req-${API_KEY}`)),
          'content-length': fc.constantFrom('0', '3', '99999999999', 'abc'),
        },
        { requiredKeys: [] },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Answer>(
      { kind: 'throw', error: new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'EPIPE' }) }) },
      { kind: 'throw', error: new RangeError('hostile') },
      { kind: 'throw', error: 'a string' },
      { kind: 'not-a-response' },
      { kind: 'hang' },
    ),
  },
);

/** A fetch that gives `answer` to every request; 'hang' ignores the abort signal on purpose. */
function stubFetch(given: Answer): typeof fetch {
  return async () => {
    switch (given.kind) {
      case 'throw':
        throw given.error;
      case 'not-a-response':
        return { status: 200 } as unknown as Response;
      case 'hang':
        return new Promise<Response>(() => undefined);
      case 'respond': {
        const headers = new Headers();
        if (given.contentType) headers.set('content-type', given.contentType);
        for (const [name, value] of Object.entries(given.headers)) headers.set(name, value);
        const nullBody = given.status === 204 || given.status === 205 || given.status === 304;
        return new Response(nullBody ? null : given.body, { status: given.status, headers });
      }
    }
  };
}

// ---- hostile options and arguments -------------------------------------------------------------------------------

const hostileNumber = fc.constantFrom(Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY, 3e9, '100', null, 11);
const clientTimeout = mostly(fc.constant(TIMEOUT_MS), hostileNumber);
const clientRetries = mostly(fc.integer({ min: 0, max: 2 }), hostileNumber);
const soundCallOptions = fc.record(
  { timeout: fc.integer({ min: 30, max: TIMEOUT_MS }), maxRetries: fc.integer({ min: 0, max: 2 }) },
  { requiredKeys: [] },
);
const hostileCallOptions = fc.oneof(
  fc.constantFrom(null, 'fast', { signal: 'stop' }),
  fc.record({ timeout: hostileNumber }),
  fc.record({ maxRetries: hostileNumber }),
);
const callOptions = mostly(fc.option(soundCallOptions, { nil: undefined }), hostileCallOptions);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', 'a/b', '\uD800', 'a\nb', '../..', '%'));
const odd = fc.constantFrom(undefined, null, true, [], {});
const anything = fc.oneof(text, fc.integer(), fc.double(), odd, fc.jsonValue());
const id = mostly(text, anything);
const ref = fc.oneof(
  fc.record({ rowId: fc.oneof(fc.integer({ min: 1, max: 1e6 }), anything) }),
  fc.record({ workorderNo: id }),
  anything,
);
const filter = fc.oneof(
  fc.constant(undefined),
  fc.tuple(text, fc.constantFrom('eq', 'li', 'xx'), fc.oneof(text, fc.integer())).map(([key, op, value]) => {
    try {
      return hostFilter().where(key, op as 'eq', value);
    } catch (error) {
      // Building the filter may refuse the input, but only with the SDK's error; the client then gets a non-filter.
      if (!(error instanceof ContractbeheerError)) throw error;
      return error;
    }
  }),
  anything,
);

// ---- the properties --------------------------------------------------------------------------------------------

/** Runs one call and checks the outcome: a value the check accepts, or a ContractbeheerError without credentials. */
async function expectContained(
  run: () => unknown,
  valid: (value: unknown) => boolean,
  label: string,
  secrets: readonly string[],
): Promise<void> {
  const started = Date.now();
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    const result = run();
    // Async iterators (contracts.list) are drained here, a page at a time.
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      const items: unknown[] = [];
      for await (const item of result as AsyncIterable<unknown>) if (items.push(item) > 20) break;
      outcome = { ok: true, value: items };
    } else {
      outcome = { ok: true, value: await result };
    }
  } catch (error) {
    outcome = { ok: false, error };
  }
  const elapsed = Date.now() - started;
  expect(elapsed, `${label} took ${elapsed} ms`).toBeLessThan(BOUND_MS);
  if (outcome.ok) {
    expect(valid(outcome.value), `${label} returned ${JSON.stringify(outcome.value)?.slice(0, 200)}`).toBe(true);
    return;
  }
  const error = outcome.error;
  if (!(error instanceof ContractbeheerError)) {
    throw new Error(`${label} threw a non-SDK error: ${String(error)}`, { cause: error });
  }
  for (const output of [error.message, JSON.stringify(error), String(error.stack)]) {
    for (const secret of secrets) expect(output.includes(secret), `${label} leaked in ${output}`).toBe(false);
  }
}

const isArray = (value: unknown) => Array.isArray(value);
const isObject = (value: unknown) => typeof value === 'object' && value !== null;
const isWorkOrder = (value: unknown) => isObject(value) && 'raw' in value && 'rowId' in value;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

type Call = { name: string; args: fc.Arbitrary<unknown[]>; valid: (value: unknown) => boolean };
const call = (name: string, valid: Call['valid'], ...args: fc.Arbitrary<unknown>[]): Call => ({
  name,
  args: fc.tuple(...args),
  valid,
});
const isNothing = (value: unknown) => value === undefined;
const isCreated = (value: unknown) =>
  isArray(value) && (value as { rowId: unknown }[]).every((row) => Number.isFinite(row.rowId));
const areWorkOrders = (value: unknown) => isArray(value) && (value as unknown[]).every(isWorkOrder);

const records = fc.oneof(fc.array(hostileRecord, { maxLength: 2 }), hostileRecord, anything);
const listQuery = fc.oneof(
  fc.record({ status: fc.constantFrom('Compleet', 'Alle', 'Nope'), workStatus: fc.option(text) }),
  anything,
);
const change = fc.oneof(
  fc.record({ date: fc.oneof(fc.constant('2025-03-20'), text), time: text, employeeNr: text }, { requiredKeys: [] }),
  anything,
);
const hostCalls: Call[] = [
  call('workOrders.create', isCreated, records, callOptions),
  call('workOrders.get', isWorkOrder, ref, fc.oneof(callOptions, fc.record({ updateStatus: fc.boolean() }))),
  call('workOrders.list', areWorkOrders, listQuery),
  call('workOrders.reschedule', isNothing, ref, change, callOptions),
  call('workOrders.markHandled', isWorkOrder, fc.oneof(fc.integer({ min: 1, max: 1e6 }), anything), callOptions),
  call('workOrders.delete', isCount, ref, callOptions),
  call('objects.list', isArray, filter, callOptions),
  call('objects.changed', isArray, callOptions),
  call('objects.acknowledge', isNothing, id, callOptions),
  call('relations.list', isArray, filter, callOptions),
  call('timesheet.list', isArray, filter, callOptions),
  ...['employees', 'hourTypes', 'materials', 'priorities', 'workStatuses', 'workTypes'].map((area) =>
    call(`${area}.list`, isArray, callOptions),
  ),
];

const pre = fc.oneof(fc.record({ etag: fc.oneof(fc.constant('"3"'), text) }), anything);
const body = fc.oneof(hostileRecord, anything);
const pageQuery = fc.oneof(
  fc.record({ status: text, limit: fc.oneof(fc.integer(), anything) }, { requiredKeys: [] }),
  anything,
);
const range = fc.oneof(fc.record({ from: text }, { requiredKeys: [] }), anything);
const reportQuery = fc.oneof(fc.record({ from: text, to: text, groupBy: text }), anything);
const contractsCalls: Call[] = [
  call('contracts.listPage', isObject, pageQuery, callOptions),
  call('contracts.list', isArray, fc.oneof(fc.constant({}), anything), callOptions),
  call('contracts.create', isObject, body, callOptions),
  call('contracts.get', isObject, id, callOptions),
  call('contracts.update', isObject, id, body, pre, callOptions),
  call('contracts.delete', isNothing, id, pre, callOptions),
  call('contracts.terminate', isObject, id, body, pre, callOptions),
  call('contracts.restart', isObject, id, body, callOptions),
  call('contracts.renew', isObject, id, body, pre, callOptions),
  call('contracts.refresh', isObject, id, callOptions),
  call('schedule.preview', isObject, id, body, callOptions),
  call('schedule.view', isObject, id, range, callOptions),
  call('budgets.get', isObject, id, callOptions),
  call('reports.cancellations', isObject, reportQuery, callOptions),
  ...['terms', 'slaPolicies', 'cancellationReasons'].flatMap((area) => [
    call(`${area}.list`, isArray, callOptions),
    call(`${area}.put`, isObject, id, body, callOptions),
    call(`${area}.delete`, isNothing, id, callOptions),
  ]),
  call('cancellationReasons.archive', isObject, id, callOptions),
];
const oneOf = (calls: Call[]) => fc.constantFrom(...calls).chain((c) => c.args.map((args) => ({ ...c, args })));

/** Calls `client.area.method(...args)` the way a user would, as a method of its object. */
function invoke(client: unknown, name: string, args: unknown[]): unknown {
  const [area, method] = name.split('.') as [string, string];
  type Area = Record<string, (...a: unknown[]) => unknown>;
  const target = (client as Record<string, Area>)[area] as Area;
  return target[method]?.(...args);
}

/** The options with the stub fetch in them; what is no options object stays as it is (the factory must refuse it). */
function withFetch(options: unknown, given: Answer): unknown {
  const isOptions = typeof options === 'object' && options !== null && !Array.isArray(options);
  return isOptions ? { ...options, fetch: stubFetch(given) } : options;
}

describe('fuzz: both clients keep every outcome inside the SDK', () => {
  it('the host client and createHostClient', async () => {
    const options = mostly(
      fc.record({
        token: mostly(fc.constant(TOKEN), anything),
        softwareToken: fc.constant(SOFTWARE),
        baseUrl: mostly(fc.constant(undefined), fc.oneof(text, fc.constant('ftp://x.example/'))),
        timeoutMs: clientTimeout,
        maxRetries: clientRetries,
        maxResponseBytes: mostly(fc.constant(4_096), hostileNumber),
        random: fc.constantFrom(
          () => 0,
          () => Number.NaN,
          () => -1,
        ),
      }),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(options, answer, oneOf(hostCalls), async (opts, given, { name, args, valid }) => {
        let client: ReturnType<typeof createHostClient> | undefined;
        const make = () => (client = createHostClient(withFetch(opts, given) as never));
        await expectContained(make, isObject, 'createHostClient', secretsIn(opts));
        if (client !== undefined) await expectContained(() => invoke(client, name, args), valid, name, secretsIn(opts));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('the contracts client and createContractsClient', async () => {
    const options = mostly(
      fc.record({
        baseUrl: mostly(fc.constant('https://contracts.example.com/api/v1'), anything),
        apiKey: mostly(fc.constant(API_KEY), anything),
        timeoutMs: clientTimeout,
        maxRetries: clientRetries,
        maxResponseBytes: mostly(fc.constant(4_096), hostileNumber),
        random: fc.constantFrom(
          () => 0,
          () => Number.NaN,
        ),
      }),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(options, answer, oneOf(contractsCalls), async (opts, given, { name, args, valid }) => {
        let client: ReturnType<typeof createContractsClient> | undefined;
        const make = () => (client = createContractsClient(withFetch(opts, given) as never));
        await expectContained(make, isObject, 'createContractsClient', secretsIn(opts));
        if (client !== undefined) await expectContained(() => invoke(client, name, args), valid, name, secretsIn(opts));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
