import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, createHostClient, toPostWorkorder, workOrderNumberFor } from '../src/index.js';
import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type RunningSandbox,
} from '../src/testing.js';
import { verifyWebhook, type WebhookEvent } from '../src/webhooks.js';

const customer = {
  name: 'Bakkerij De Vries',
  debtorNumber: 'D1001',
  street: 'Kerkstraat',
  zip: '3511AB',
  city: 'Utrecht',
  contactPerson: 'J. de Vries',
};
const plan = {
  key: 'C-1|CV-KETEL-88|2025-03-15',
  contractId: 'C-1',
  debtorNumber: 'D1001',
  objectCodes: ['CV-KETEL-88'],
  targetDate: '2025-03-15',
  creationDate: '2025-03-01',
  late: false,
  timing: { kind: 'planned' as const, date: '2025-03-15', time: '09:30', employeeNumber: '17' },
  workType: 'Onderhoud',
  description: 'Onderhoud cv-ketel',
  durationMinutes: 60,
  priorityCode: undefined,
};

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function serve(sandbox = createHostSandbox()) {
  const server = await startSandboxServer(sandbox);
  running.push(server);
  return {
    sandbox,
    host: createHostClient({
      token: SANDBOX_TOKEN,
      softwareToken: SANDBOX_SOFTWARE_TOKEN,
      baseUrl: server.baseUrl,
      maxRetries: 0,
    }),
  };
}

describe('the sandbox over real HTTP on loopback', () => {
  it('creates a planned work order from a plan and reads it back', async () => {
    const { host } = await serve();
    const [created] = await host.workOrders.create(toPostWorkorder(plan, customer));
    expect(created?.workorderNo).toBe(workOrderNumberFor(plan.key));
    const order = await host.workOrders.get({ workorderNo: workOrderNumberFor(plan.key) });
    expect(order).toMatchObject({
      workDate: '2025-03-15',
      workTime: '09:30',
      employeeNr: '17',
      durationMinutes: 60,
      workObjects: ['CV-KETEL-88'],
    });
  });

  it('emits signed webhooks that a receiver verifies', async () => {
    const secret = 'whsec_sandbox_test_secret';
    const received: WebhookEvent[] = [];
    const receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const result = await verifyWebhook({
        rawBody: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
        secrets: secret,
      });
      if (result.ok) received.push(result.event);
      res.writeHead(result.ok ? 204 : 400).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { sandbox, host } = await serve();
      sandbox.configureWebhooks({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, secret });
      const [created] = await host.workOrders.create(toPostWorkorder(plan, customer));
      sandbox.progressWorkOrder(created?.rowId as number, 'Compleet');
      await sandbox.flushWebhooks();
      expect(received.map((e) => e.type)).toEqual([
        'workorder.created',
        'workorder.status_changed',
        'workorder.completed',
      ]);
      expect(sandbox.deliveries.every((d) => d.status === 204)).toBe(true);
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('"commit then drop the response": the call fails, the work order exists, and the number finds it', async () => {
    const sandbox = createHostSandbox({ faults: { dropAfterCommitRate: 1 } });
    const { host } = await serve(sandbox);
    await expect(host.workOrders.create(toPostWorkorder(plan, customer))).rejects.toBeInstanceOf(ConnectionError);
    sandbox.setFaults({});
    const found = await host.workOrders.get({ workorderNo: workOrderNumberFor(plan.key) });
    expect(found.workorderNo).toBe(workOrderNumberFor(plan.key));
    expect(sandbox.workOrders.size).toBe(1);
  });

  it('injects 503s and 429s that the client rides out', async () => {
    const sandbox = createHostSandbox({
      faults: { serverErrorRate: 0.3, rateLimitEvery: 4, retryAfterSeconds: 0 },
      seed: 7,
    });
    const server = await startSandboxServer(sandbox);
    running.push(server);
    const host = createHostClient({
      token: SANDBOX_TOKEN,
      softwareToken: SANDBOX_SOFTWARE_TOKEN,
      baseUrl: server.baseUrl,
      maxRetries: 6,
      random: () => 0,
    });
    for (let i = 0; i < 10; i++) expect(await host.employees.list()).toHaveLength(3);
  });
});
