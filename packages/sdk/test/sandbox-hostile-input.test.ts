// Issue 8, item 10: the sandbox runs inside the test runner's process, so hostile requests must not reach it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type HostSandbox,
} from '../src/testing.js';

const origin = 'https://www.out-smart.com';
const credentials = `token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`;

async function call(sandbox: HostSandbox, path: string, init: { method?: string; body?: string } = {}) {
  const separator = path.includes('?') ? '&' : '?';
  const { response } = await sandbox.handle(new Request(`${origin}/openapi/8/${path}${separator}${credentials}`, init));
  const text = await response.text();
  return {
    status: response.status,
    envelope: response.status === 200 ? (JSON.parse(text) as { code: number; response: unknown }) : undefined,
  };
}

afterEach(() => {
  // Undo a pollution so one failing test cannot make the rest of the file fail with it.
  delete (Object.prototype as { length?: unknown }).length;
});

describe('the sandbox picks keys from input by own properties only', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    'DeleteEntity?delete_all=true&entity=%s leaves Object.prototype alone and finds no entity',
    async (entity) => {
      const sandbox = createHostSandbox();
      const { envelope } = await call(sandbox, `DeleteEntity?delete_all=true&entity=${encodeURIComponent(entity)}`);
      expect(({} as { length?: unknown }).length).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'length')).toBe(false);
      expect(envelope?.code).toBe(1600);
    },
  );

  it('DeleteEntity with a prototype key as the field deletes nothing', async () => {
    const sandbox = createHostSandbox();
    const { envelope } = await call(
      sandbox,
      'DeleteEntity?delete_all=false&entity=relation&key=__proto__&value=[object Object]',
    );
    expect(envelope).toMatchObject({ code: 200, response: 0 });
    expect(sandbox.records.relations).toHaveLength(3);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'valueOf'])(
    'GET %s is an unknown endpoint (1001), not a crash',
    async (endpoint) => {
      const sandbox = createHostSandbox();
      expect((await call(sandbox, endpoint)).envelope?.code).toBe(1001);
      expect((await call(sandbox, endpoint, { method: 'POST', body: '[{"a":"1"}]' })).envelope?.code).toBe(1001);
    },
  );

  it('a filter on a prototype key matches no record', async () => {
    const sandbox = createHostSandbox();
    const { envelope } = await call(sandbox, 'relations?key=__proto__&operator=eq&value=[object Object]');
    expect(envelope).toMatchObject({ code: 200, response: [] });
  });

  it('records that are not objects are refused with 1009, not a crash', async () => {
    const sandbox = createHostSandbox();
    for (const body of ['[null]', '[5]', '["text"]', '[[1]]']) {
      expect((await call(sandbox, 'PostWorkorders', { method: 'POST', body })).envelope?.code).toBe(1009);
      expect((await call(sandbox, 'relations', { method: 'POST', body })).envelope?.code).toBe(1009);
    }
  });
});

describe('the li filter', () => {
  it('matches % wildcards as the host does', async () => {
    const sandbox = createHostSandbox();
    const names = async (value: string) => {
      const { envelope } = await call(sandbox, `relations?key=name&operator=li&value=${encodeURIComponent(value)}`);
      return (envelope?.response as { name: string }[]).map((r) => r.name);
    };
    expect(await names('%de%')).toEqual(['Bakkerij De Vries', 'Zorgcentrum De Linde']);
    expect(await names('bakkerij%')).toEqual(['Bakkerij De Vries']);
    expect(await names('%anker')).toEqual(['Basisschool Het Anker']);
    expect(await names('b%s%r')).toEqual(['Basisschool Het Anker']);
    expect(await names('%.%')).toEqual([]);
    expect(await names('Bakkerij De Vries')).toEqual(['Bakkerij De Vries']);
    expect(await names('%%')).toHaveLength(3);
  });

  it('matches 8 wildcards against a long value without backtracking', async () => {
    const sandbox = createHostSandbox();
    const relation = { name: 'a'.repeat(45), debtor_number: 'D9', street: 's', postal_code: 'p', city: 'c' };
    await call(sandbox, 'relations', { method: 'POST', body: JSON.stringify([relation]) });
    const started = performance.now();
    const { envelope } = await call(
      sandbox,
      `relations?key=name&operator=li&value=${encodeURIComponent(`${'%a'.repeat(8)}%b`)}`,
    );
    // A backtracking regex takes seconds here (minutes with a longer value); a linear match takes microseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(envelope).toMatchObject({ code: 200, response: [] });
  });
});

describe('request bodies have a size limit', () => {
  it('a body over maxBodyBytes is refused with HTTP 413 and changes nothing', async () => {
    const sandbox = createHostSandbox({ maxBodyBytes: 1_000 });
    const relation = { name: 'x'.repeat(2_000), debtor_number: 'D9', street: 's', postal_code: 'p', city: 'c' };
    const { status } = await call(sandbox, 'relations', { method: 'POST', body: JSON.stringify([relation]) });
    expect(status).toBe(413);
    expect(sandbox.records.relations).toHaveLength(3);
  });

  it('the default limit is 5 MB', async () => {
    const sandbox = createHostSandbox();
    const { status } = await call(sandbox, 'relations', { method: 'POST', body: `[${' '.repeat(5 * 1024 * 1024)}]` });
    expect(status).toBe(413);
  });

  it('the loopback server refuses an oversized body with 413 too', async () => {
    const sandbox = createHostSandbox({ maxBodyBytes: 1_000 });
    const server = await startSandboxServer(sandbox);
    try {
      const response = await fetch(`${server.baseUrl}/relations?${credentials}`, {
        method: 'POST',
        body: `[${' '.repeat(10_000)}]`,
      });
      expect(response.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});

it('createHostSandbox refuses a maxBodyBytes that would lift the limit', () => {
  expect(() => createHostSandbox({ maxBodyBytes: Number.NaN })).toThrow(RangeError);
  expect(() => createHostSandbox({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
});
