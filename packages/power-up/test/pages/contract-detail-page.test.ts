import { planWorkOrders } from '@contractbeheer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractPagesWorld, type ContractPagesWorld } from './contract-pages-harness.js';
import { seedFiveYearContract } from './contract-seed.js';

let world: ContractPagesWorld;
beforeAll(async () => {
  world = await startContractPagesWorld();
  await seedFiveYearContract(world.store);
});
afterAll(async () => world?.close());

describe('the contract detail page', () => {
  it('shows status, the terms timeline with the notice deadline, the schedule timeline and the burn chart (Dutch)', async () => {
    const response = await world.get('/pages/contracts/C-5Y', await world.token('nl'));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Contract Onderhoud cv-ketels Hoofdstraat</h1>');
    expect(html).toContain('Actief');
    // Terms: one period from the start to the end date; notice a month before its end, then it renews.
    expect(html).toContain('Opzeggen kan uiterlijk op 30 nov 2027.');
    expect(html).toMatch(/class="marker marker-notice"/);
    // Schedule: Mondays and Thursdays from the start to the end date, every occurrence a mark.
    expect(html).toContain('<title id="schedule-title">Planning van werkbonnen</title>');
    expect(html).toMatch(/Van 2 jan 2023 tot en met 31 dec 2027: \d+ /);
    expect(html).toContain('<th scope="col">Streefdatum</th>');
    // Budget: the yearly budget line and the forecast to the end of the contract year.
    expect(html).toContain('class="budget-line"');
    expect(html).toContain('class="forecast-line"');
    expect(html).toMatch(/Budget €\s24\.000,00 voor 2 jan 2026 tot en met 1 jan 2027/);
  });

  it('speaks English when the context says so', async () => {
    const html = await (await world.get('/pages/contracts/C-5Y', await world.token('en'))).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Notice can be given until 30 Nov 2027.');
    expect(html).toContain('<title id="burn-title">Budget burn</title>');
    expect(html).toContain('Next work orders');
  });

  it('shows where generation stands from the generation ledger: generated, skipped, late and planned', async () => {
    const contract = (await world.store.contracts.get('C-5Y'))!.contract;
    const plan = planWorkOrders([contract], { asOf: '2026-03-02T12:00:00Z', generatedKeys: [], since: '2026-02-01' });
    const [first, second, third] = plan.plans;
    const at = '2026-03-02T09:00:00Z';
    await world.store.ledger.insert(
      [
        { state: 'pending', key: first!.key, workOrderNumber: 'CB-1', plan: first! },
        { state: 'pending', key: second!.key, workOrderNumber: 'CB-2', plan: second! },
        {
          state: 'skipped',
          key: third!.key,
          workOrderNumber: 'CB-3',
          targetDate: third!.targetDate,
          reason: 'past-catch-up-limit',
        },
      ],
      at,
    );
    expect(await world.store.ledger.markCreated(first!.key, { state: 'pending', attempts: 0 }, '4711', at)).toBe(true);
    const html = await (await world.get('/pages/contracts/C-5Y', await world.token('en'))).text();
    // One created, one still pending (planned lane), one skipped; the rest before today is late.
    expect(html).toMatch(/From 2 Jan 2023 to 31 Dec 2027: 1 generated, \d+ planned, \d+ late, 1 skipped\./);
    expect(html).toMatch(/<g class="lane lane-generated">/);
  });

  it('is a 404 page for a contract the tenant does not have', async () => {
    const response = await world.get('/pages/contracts/NOPE', await world.token('en'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('C-5Y');
  });

  it('refuses a request without a valid context and shows no data', async () => {
    const response = await world.get('/pages/contracts/C-5Y', 'not-a-token');
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Hoofdstraat');
  });
});
