import { SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } from '@contractbeheer/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PGLITE, startApiWorld, type ApiWorld, type RawAnswer } from './contracts-harness.js';

/** A contract of the sandbox's customer D1001 that links one of their objects: creating it asks the host. */
const withObject = (id: string) => ({
  id,
  name: `Onderhoud ${id}`,
  type: 'preventive',
  startDate: '2025-01-01',
  debtorNumber: 'D1001',
  objectCodes: ['CV-KETEL-88'],
  schedule: { unit: 'month', day: 15 },
  budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
  expectedCostPerWorkOrder: { amount: 15_000, currency: 'EUR' },
});

/**
 * The tenant's host down or answering nonsense while a request needs it (an object link is checked there): the API
 * answers 503 or 502 with a code of the SDK's vocabulary, writes nothing, and shows no credential in body or log.
 */
describe('the contracts API when the tenant host is down (PGlite, over HTTP)', () => {
  let world: ApiWorld;
  const logs: string[] = [];
  /** What the host's fetch does: pass through, or answer an HTML page as a wrong URL or a captive proxy would. */
  let hostMode: 'through' | 'html' = 'through';
  let hostStopped = false;
  /** Calls the power-up made to the host, faulted ones included (the sandbox records only those it served). */
  let hostCalls = 0;

  beforeAll(async () => {
    world = await startApiWorld(PGLITE, {
      logLevel: 'info',
      logDestination: { write: (line: string) => void logs.push(line) },
      hostFetch: (input, init) =>
        ++hostCalls && hostMode === 'html'
          ? Promise.resolve(
              new Response('<html><body>Welcome to nginx</body></html>', {
                status: 200,
                headers: { 'content-type': 'text/html' },
              }),
            )
          : fetch(input, init),
    });
  });
  afterAll(async () => {
    // The last test stops the host itself; the world's close would stop it a second time.
    if (hostStopped) await world?.powerUp.close();
    else await world?.close();
  });

  /** The refusal names the code, no field, says what to do, and leaks no host credential. */
  function expectHostRefusal(answer: RawAnswer, status: number, code: string): void {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.path).toEqual([]);
    expect(answer.body.error.message).toMatch(/try again/);
    expect(answer.body.error.message).toMatch(/host URL/);
    const text = JSON.stringify(answer.body);
    for (const secret of [SANDBOX_TOKEN, SANDBOX_SOFTWARE_TOKEN, world.host.baseUrl])
      expect(text).not.toContain(secret);
  }

  it('answers a create while the host answers 503 with 503 host-unavailable, and writes nothing', async () => {
    const before = await world.snapshot();
    const hostCallsBefore = hostCalls;
    world.sandbox.setFaults({ serverErrorRate: 1 });
    logs.length = 0;
    try {
      const answer = await call(world, 'POST', '/contracts', { body: withObject('C-HOST-503') });
      expectHostRefusal(answer, 503, 'host-unavailable');
      // The sandbox gave no Retry-After with its 503, so neither do we.
      expect(answer.headers.get('retry-after')).toBeNull();
    } finally {
      world.sandbox.setFaults({});
    }
    expect(await world.snapshot()).toBe(before);
    // The host was asked (and refused, retries included), so the 503 is the host's, not a check skipped.
    expect(hostCalls - hostCallsBefore).toBe(3);
    // The operator sees the host's status in a warning, and no credential.
    const warning = logs.map((line) => JSON.parse(line)).find((entry) => entry.code === 'host-unavailable');
    expect(warning).toMatchObject({ level: 40, status: 503, host: { kind: 'api', status: 503 } });
    for (const secret of [SANDBOX_TOKEN, SANDBOX_SOFTWARE_TOKEN]) expect(logs.join('\n')).not.toContain(secret);
  });

  it("passes on the host's Retry-After when it asks to slow down (429)", async () => {
    const before = await world.snapshot();
    // Longer than the SDK waits for (60 s): it gives up at once and reports the value.
    world.sandbox.setFaults({ rateLimitEvery: 1, retryAfterSeconds: 120 });
    try {
      const answer = await call(world, 'POST', '/contracts', { body: withObject('C-HOST-429') });
      expectHostRefusal(answer, 503, 'host-unavailable');
      expect(answer.headers.get('retry-after')).toBe('120');
    } finally {
      world.sandbox.setFaults({});
    }
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 502 host-bad-answer when the host URL answers something that is not the host', async () => {
    const before = await world.snapshot();
    hostMode = 'html';
    try {
      const answer = await call(world, 'POST', '/contracts', { body: withObject('C-HOST-HTML') });
      expectHostRefusal(answer, 502, 'host-bad-answer');
    } finally {
      hostMode = 'through';
    }
    expect(await world.snapshot()).toBe(before);
  });

  it('still creates when the host is back (the refusals above left nothing behind)', async () => {
    const answer = await call(world, 'POST', '/contracts', { body: withObject('C-HOST-503') });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });

  it('answers 503 host-unavailable when the host is stopped (connection refused), and writes nothing', async () => {
    await world.host.close();
    hostStopped = true;
    const before = await world.snapshot();
    const answer = await call(world, 'POST', '/contracts', { body: withObject('C-HOST-GONE') });
    expectHostRefusal(answer, 503, 'host-unavailable');
    expect(await world.snapshot()).toBe(before);
    const warning = logs
      .map((line) => JSON.parse(line) as { code?: string })
      .filter((entry) => entry.code === 'host-unavailable')
      .at(-1);
    expect(warning).toMatchObject({ host: { kind: 'connection', networkCode: 'ECONNREFUSED' } });
  });
});
