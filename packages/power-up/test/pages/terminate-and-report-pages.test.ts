import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFieldsOf, startContractPagesWorld, type ContractPagesWorld } from './contract-pages-harness.js';
import { seedFiveYearContract } from './contract-seed.js';

let world: ContractPagesWorld;
beforeAll(async () => {
  world = await startContractPagesWorld();
  await seedFiveYearContract(world.store);
});
afterAll(async () => world?.close());

const fieldError = (html: string, name: string) =>
  new RegExp(`<p class="field-error" id="f-${name}-error">([^<]+)</p>`).exec(html)?.[1];

async function dialog(locale: 'nl' | 'en') {
  const response = await world.get('/pages/contracts/C-5Y/terminate', await world.token(locale));
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, fields: { ...contextFieldsOf(html), version: /name="version" value="(\d+)"/.exec(html)![1]! } };
}

describe('the terminate dialog and the cancellation report', () => {
  it('offers the cancellation reasons from settings, in Dutch and English', async () => {
    const nl = await dialog('nl');
    expect(nl.html).toContain('<h1>Contract Onderhoud cv-ketels Hoofdstraat beëindigen</h1>');
    expect(nl.html).toContain('<option value="PRIJS">Te duur</option>');
    expect(nl.html).toContain('value="2026-03-02"');
    expect((await dialog('en')).html).toContain('<label for="f-remark">Remark</label>');
  });

  it('puts the core’s refusal beside the field and terminates nothing', async () => {
    const { fields } = await dialog('en');
    const before = await world.snapshot();
    const early = await world.post('/pages/contracts/C-5Y/terminate', { ...fields, date: '2022-01-01' });
    expect(early.status).toBe(422);
    expect(fieldError(await early.text(), 'date')).toBeDefined();
    const unknown = await world.post('/pages/contracts/C-5Y/terminate', {
      ...fields,
      date: '2026-06-30',
      reasonCode: 'ONBEKEND',
    });
    expect(unknown.status).toBe(422);
    expect(fieldError(await unknown.text(), 'reasonCode')).toBeDefined();
    expect(await world.snapshot()).toBe(before);
  });

  it('terminates with a reason and a remark, and the report counts it with the value lost', async () => {
    const emptyReport = await (
      await world.get('/pages/reports/cancellations', await world.token('en', { type: 'dashboard' }), {
        from: '2026-01-01',
        to: '2026-12-31',
      })
    ).text();
    expect(emptyReport).toContain('No terminations in this period.');

    const { fields } = await dialog('nl');
    const response = await world.post('/pages/contracts/C-5Y/terminate', {
      ...fields,
      date: '2026-06-30',
      reasonCode: 'PRIJS',
      remark: 'Klant vond het te duur',
    });
    expect(response.status).toBe(303);
    const stored = await world.store.contracts.get('C-5Y');
    expect(stored?.contract.termination).toMatchObject({
      date: '2026-06-30',
      reasonCode: 'PRIJS',
      reasonLabel: 'Te duur',
    });

    const detail = await (await world.get('/pages/contracts/C-5Y', await world.token('nl'))).text();
    expect(detail).toContain('Beëindigd per 30 jun 2026');
    expect(detail).toContain('Klant vond het te duur');

    const report = await (
      await world.get('/pages/reports/cancellations', await world.token('nl', { type: 'dashboard' }), {
        from: '2026-01-01',
        to: '2026-12-31',
      })
    ).text();
    expect(report).toContain('<h1>Beëindigingen per reden</h1>');
    expect(report).toContain('role="img"');
    expect(report).toMatch(/Te duur 1 keer \(gederfde waarde €\s[\d.,]+\)/);
    expect(report).toContain('<th scope="row">2026-Q2</th>');
  });

  it('names a bad report period on its field', async () => {
    const response = await world.get('/pages/reports/cancellations', await world.token('en', { type: 'dashboard' }), {
      from: '2026-12-31',
      to: '2026-01-01',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<h2>Check these fields</h2>');
    expect(fieldError(html, 'to') ?? fieldError(html, 'from')).toBeDefined();
  });
});
