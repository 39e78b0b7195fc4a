import { planWorkOrders } from '@contractbeheer/core';
import {
  createContractsClient,
  createHostClient,
  toPostWorkorder,
  workOrderNumberFor,
  type ContractsClient,
  type HostClient,
} from '@contractbeheer/sdk';
import {
  createHostSandbox,
  createSandboxMarketplace,
  startSandboxServer,
  type HostSandbox,
  type RunningSandbox,
} from '@contractbeheer/sdk/testing';
import { signWebhook } from '@contractbeheer/sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPowerUp, type PowerUp } from '../../src/create-power-up.js';
import type { TenantStore } from '../../src/store/store.js';
import { PGLITE } from '../api/contracts-harness.js';
import { MARKETPLACE_SECRET, testClock, testConfig } from '../api/harness.js';

/*
 * Events in, end to end over real HTTP: the SDK's sandbox host (its own loopback server, same clock) sends signed
 * webhooks to the power-up as its field simulation completes work orders with hours and materials; the processor
 * turns them into ledger statuses and cost lines, and the budget route shows the actuals. Also: retries and the dead
 * letter, refresh, and the poller for hosts without webhooks.
 */

const CUSTOMER = {
  name: 'Bakkerij De Korrel',
  debtorNumber: 'D1001',
  street: 'Oudegracht',
  zip: '3511AB',
  city: 'Utrecht',
  contactPerson: 'Jan',
};
const OBJECT = 'CV-KETEL-88';

let clock: ReturnType<typeof testClock>;
let sandbox: HostSandbox;
let hostServer: RunningSandbox;
let powerUp: PowerUp;
let url: string;
let api: ContractsClient;
let host: HostClient;
let tenant: TenantStore;
let webhookSecret: string;
let apiKey: string;
/** The power-up's log lines (JSON). */
const logs: string[] = [];

beforeAll(async () => {
  clock = testClock('2026-01-20T09:00:00.000Z');
  sandbox = createHostSandbox({ now: clock.now });
  hostServer = await startSandboxServer(sandbox);
  const { store } = await PGLITE.open();
  powerUp = await createPowerUp(testConfig(), {
    store,
    now: clock.now,
    logLevel: 'warn',
    logDestination: { write: (line: string) => void logs.push(line) },
    processEventsEveryMs: false,
    eventRetries: { maxAttempts: 3, backoffMs: () => 60_000 },
  });
  url = (await powerUp.listen()).url;
  const marketplace = createSandboxMarketplace({
    sandbox,
    hostBaseUrl: hostServer.baseUrl,
    powerUpUrl: url,
    secret: MARKETPLACE_SECRET,
    now: clock.now,
  });
  const installed = await marketplace.install({
    tenantId: 'acme',
    tenantName: 'Acme',
    webhookUrl: `${url}/webhooks/acme`,
  });
  webhookSecret = installed.webhookSecret;
  apiKey = installed.apiKey!;
  api = createContractsClient({ baseUrl: `${url}/api/v1`, apiKey, maxRetries: 0 });
  host = createHostClient({ baseUrl: hostServer.baseUrl, token: sandbox.token, softwareToken: sandbox.softwareToken });
  tenant = powerUp.store.forTenant('acme');
  await api.settings.put({ hourTypeRates: { '001': { amount: 6_000, currency: 'EUR' } } });
  await api.contracts.create({
    id: 'C-1',
    name: 'Onderhoud cv-ketel',
    type: 'preventive',
    startDate: '2026-01-01',
    debtorNumber: CUSTOMER.debtorNumber,
    objectCodes: [OBJECT],
    schedule: { unit: 'month', day: 15 },
    budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
    expectedCostPerWorkOrder: { amount: 15_000, currency: 'EUR' },
  });
});
afterAll(async () => {
  await powerUp?.close();
  await hostServer?.close();
});

/** Generates the contract's next due work order as the generator does: ledger row first, then the host, then marked. */
async function generateNext(contractId: string, asOf: string): Promise<{ key: string; number: string; rowId: number }> {
  const contract = (await tenant.contracts.get(contractId))!.contract;
  const generated = (await tenant.ledger.forContract(contractId)).map((entry) => entry.key);
  const plan = planWorkOrders(contract, { asOf, generatedKeys: generated }).plans[0]!;
  const number = workOrderNumberFor(plan.key);
  const at = clock.now().toISOString();
  expect(await tenant.ledger.insert([{ state: 'pending', key: plan.key, workOrderNumber: number, plan }], at)).toEqual([
    plan.key,
  ]);
  expect(await tenant.ledger.startAttempt(plan.key, 1, clock.now().getTime())).toBe(true);
  const [created] = await host.workOrders.create(toPostWorkorder(plan, CUSTOMER));
  expect(await tenant.ledger.markCreated(plan.key, { state: 'pending', attempts: 1 }, String(created!.rowId), at)).toBe(
    true,
  );
  return { key: plan.key, number, rowId: created!.rowId };
}

const period = (date: string, begin: string, end: string, total: string) => ({
  WorkDate: date,
  BeginTime: begin,
  EndTime: end,
  Break: '0',
  TotalTime: total,
  HourType: '001',
  EmployeeNr: '17',
});
const filter = {
  MaterialCode: 'FLT-10',
  MaterialNr: '2',
  MaterialPrice: '12,50',
  MaterialName: 'Filter',
  MaterialUnit: 'st',
};

async function deliveredAndProcessed() {
  await sandbox.flushWebhooks();
  expect(sandbox.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
  return powerUp.processEvents();
}

describe('events from the sandbox host', () => {
  let first: { key: string; number: string; rowId: number };

  it('a work order completed in the field becomes its ledger status and its contract’s actual costs', async () => {
    first = await generateNext('C-1', '2026-01-15T09:00:00Z');
    sandbox.progressWorkOrder(first.rowId, 'Opgehaald');
    sandbox.progressWorkOrder(first.rowId, 'Compleet', {
      Workperiods: [period('15-01-2026', '09:00', '10:30', '01:30')],
      Materials: [filter],
    });
    const pass = await deliveredAndProcessed();
    expect(pass).toEqual({ processed: 4, retried: 0, dead: 0 }); // created, two status changes, completed
    expect((await tenant.ledger.get(first.key))?.hostStatus).toBe('Compleet');
    const lines = await tenant.costLines.forContract('C-1');
    expect(lines.map((line) => [line.kind, line.quantity, line.amount.amount, line.date])).toEqual([
      ['hours', '90', 9_000, '2026-01-15'],
      ['material', '2', 2_500, '2026-01-15'],
    ]);

    const budget = await api.budgets.get('C-1');
    expect(budget.consumed).toEqual({ amount: 11_500, currency: 'EUR' });
    expect(budget.consumedBy).toEqual({
      labour: { amount: 9_000, currency: 'EUR' },
      materials: { amount: 2_500, currency: 'EUR' },
      other: { amount: 0, currency: 'EUR' },
    });
    expect(budget.materialsUsed).toEqual([
      { code: 'FLT-10', name: 'Filter', unit: 'st', quantity: '2', cost: { amount: 2_500, currency: 'EUR' } },
    ]);
    expect(budget.generated).toEqual({ workOrders: 1 });
  });

  it('processing the same completion again (a redelivery under a new id) never doubles the costs', async () => {
    const { body, headers } = await signWebhook({
      payload: {
        id: 'evt_redelivered',
        type: 'workorder.completed',
        createdAt: '2026-01-10T09:00:00Z',
        data: { rowId: first.rowId, workorderNo: first.number, status: 'Compleet' },
      },
      secret: webhookSecret,
      timestamp: clock.now(),
    });
    expect((await fetch(`${url}/webhooks/acme`, { method: 'POST', body, headers })).status).toBe(200);
    expect(await powerUp.processEvents()).toEqual({ processed: 1, retried: 0, dead: 0 });
    expect(await tenant.costLines.forContract('C-1')).toHaveLength(2);
    expect((await api.budgets.get('C-1')).consumed.amount).toBe(11_500);
  });

  it('refresh re-reads the contract’s work orders from the host and the budget follows', async () => {
    // The planner corrected the hours in OutSmart afterwards (no event for that): two periods instead of one.
    sandbox.workOrders.get(first.rowId)!.Workperiods = [
      period('15-01-2026', '09:00', '10:30', '01:30'),
      period('16-01-2026', '13:00', '13:30', '00:30'),
    ];
    const refreshed = await api.contracts.refresh('C-1');
    expect(refreshed.workOrders).toBe(1);
    expect((await api.budgets.get('C-1')).consumedBy.labour).toEqual({ amount: 12_000, currency: 'EUR' });
    expect(await tenant.costLines.forContract('C-1')).toHaveLength(3);
    // Reading it did not close it: refresh asks with update_status=false.
    expect(sandbox.workOrders.get(first.rowId)!.status).toBe('Compleet');
  });

  it('a deleted object flags the contract’s link to it', async () => {
    const { body, headers } = await signWebhook({
      payload: {
        id: 'evt_object_gone',
        type: 'object.deleted',
        createdAt: '2026-01-10T09:00:00Z',
        data: { code: OBJECT },
      },
      secret: webhookSecret,
      timestamp: clock.now(),
    });
    expect((await fetch(`${url}/webhooks/acme`, { method: 'POST', body, headers })).status).toBe(200);
    expect(await tenant.deletedObjects.flaggedForContract('C-1')).toEqual([]);
    await powerUp.processEvents();
    expect(await tenant.deletedObjects.flaggedForContract('C-1')).toEqual([OBJECT]);
  });

  it('a failing event is retried with back-off, then dead-lettered, visibly, and can be retried', async () => {
    // A generated work order the host no longer has: reading it for its costs fails every time.
    const lost = await generateNext('C-1', '2026-02-15T09:00:00Z');
    await sandbox.flushWebhooks();
    await powerUp.processEvents();
    const removed = sandbox.workOrders.get(lost.rowId);
    sandbox.workOrders.delete(lost.rowId);
    const { body, headers } = await signWebhook({
      payload: {
        id: 'evt_lost',
        type: 'workorder.completed',
        createdAt: '2026-01-10T09:00:00Z',
        data: { rowId: lost.rowId, workorderNo: lost.number, status: 'Compleet' },
      },
      secret: webhookSecret,
      timestamp: clock.now(),
    });
    expect((await fetch(`${url}/webhooks/acme`, { method: 'POST', body, headers })).status).toBe(200);

    expect(await powerUp.processEvents()).toEqual({ processed: 0, retried: 1, dead: 0 });
    // Not again before its back-off has passed.
    expect(await powerUp.processEvents()).toEqual({ processed: 0, retried: 0, dead: 0 });
    clock.advance(60);
    expect(await powerUp.processEvents()).toEqual({ processed: 0, retried: 1, dead: 0 });
    clock.advance(60);
    expect(await powerUp.processEvents()).toEqual({ processed: 0, retried: 0, dead: 1 });
    clock.advance(3600);
    expect(await powerUp.processEvents()).toEqual({ processed: 0, retried: 0, dead: 0 });

    const listed = await fetch(`${url}/api/v1/events?state=dead`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(listed.status).toBe(200);
    const dead = ((await listed.json()) as { data: { eventId: string; attempts: number; lastError: string }[] }).data;
    expect(dead.map((event) => [event.eventId, event.attempts])).toEqual([['evt_lost', 3]]);
    expect(dead[0]!.lastError).toMatch(/NotFoundError/);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/contractbeheer_inbound_events\{state="dead"\} 1/);
    const deadLine = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.level === 50);
    expect(deadLine).toMatchObject({
      tenantId: 'acme',
      eventId: 'evt_lost',
      msg: expect.stringMatching(/dead-lettered/),
    });
    expect(JSON.stringify(logs)).not.toContain(sandbox.token);

    // Once the cause is fixed (here: the work order is back), the dead letter is retried on request.
    sandbox.workOrders.set(lost.rowId, removed!);
    const retried = await fetch(`${url}/api/v1/events/evt_lost/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(retried.status).toBe(200);
    expect(await powerUp.processEvents()).toEqual({ processed: 1, retried: 0, dead: 0 });
    expect((await tenant.inbox.get('evt_lost'))?.state).toBe('processed');
  });

  it('the poller turns what changed on a host without webhooks into the same events, once', async () => {
    sandbox.configureWebhooks(undefined);
    const next = await generateNext('C-1', '2026-03-15T09:00:00Z');
    sandbox.progressWorkOrder(next.rowId, 'Compleet', {
      Workperiods: [period('15-03-2026', '08:00', '09:00', '01:00')],
      Materials: [],
    });
    sandbox.changeObjectInApp('LIFT-7', { obj_description: 'Lift, gerenoveerd' });
    const [first] = await powerUp.pollHosts();
    expect(first).toMatchObject({ tenantId: 'acme', stored: 3, acknowledged: 1 }); // status, completed, object
    expect(sandbox.changedObjects.size).toBe(0);
    const [second] = await powerUp.pollHosts();
    expect(second).toMatchObject({ stored: 0, acknowledged: 0 });
    expect(await powerUp.processEvents()).toMatchObject({ processed: 3, dead: 0 });
    expect((await tenant.ledger.get(next.key))?.hostStatus).toBe('Compleet');
    expect(await tenant.costLines.forContract('C-1')).toHaveLength(4);
    // Listing did not close the completed work order: update_status=false.
    expect(sandbox.workOrders.get(next.rowId)!.status).toBe('Compleet');
    // Polling after processing finds the ledger up to date: nothing new.
    expect((await powerUp.pollHosts())[0]).toMatchObject({ stored: 0 });
  });
});
