import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiveYearContract } from './contract-seed.js';
import { startSettingsPagesWorld, type SettingsPagesWorld } from './pages-harness.js';

const PATH = '/pages/settings/cancellation-reasons';

let world: SettingsPagesWorld;
beforeAll(async () => {
  world = await startSettingsPagesWorld(PATH);
  await seedFiveYearContract(world.store);
  // One termination uses the reason PRIJS.
  await world.store.contracts.update(
    {
      ...(await world.store.contracts.get('C-5Y'))!.contract,
      termination: { date: '2026-06-30', reasonCode: 'PRIJS', reasonLabel: 'Te duur' },
    },
    { expectedVersion: 0, ...world.meta },
  );
  await world.store.terminations.record(
    {
      contractId: 'C-5Y',
      date: '2026-06-30',
      reasonCode: 'PRIJS',
      reasonLabel: 'Te duur',
      lostValue: { amount: 100, currency: 'EUR' },
    },
    world.meta,
  );
});
afterAll(async () => world?.close());

const fields = (locale: 'nl' | 'en') => world.fields(locale);

describe('the cancellation reasons settings', () => {
  it('lists the reasons with their use: a used one can be archived, not deleted', async () => {
    const html = await (await world.open('nl')).text();
    expect(html).toContain('<h1>Annuleringsredenen</h1>');
    expect(html).toContain('Te duur archiveren');
    expect(html).not.toContain('Te duur verwijderen');
  });

  it('adds a reason, deletes an unused one, and puts a missing label beside its field saving nothing', async () => {
    const added = await world.post(PATH, { ...(await fields('en')), intent: 'save', code: 'VERHUISD', label: 'Moved' });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('Reason VERHUISD is saved.');
    expect(await world.store.cancellationReasons.get('VERHUISD')).toMatchObject({ label: 'Moved' });

    const before = await world.snapshot();
    const refused = await world.post(PATH, { ...(await fields('en')), intent: 'save', code: 'LEEG', label: '' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/<p class="field-error" id="f-label-error">/);
    expect(await world.snapshot()).toBe(before);

    const deleted = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'VERHUISD' });
    expect(await deleted.text()).toContain('Reason VERHUISD is deleted.');
    expect(await world.store.cancellationReasons.get('VERHUISD')).toBeUndefined();
  });

  it('refuses to delete a used reason (the store’s rule), archives it instead, and warns on a relabel', async () => {
    const before = await world.snapshot();
    const refused = await world.post(PATH, { ...(await fields('nl')), intent: 'delete', code: 'PRIJS' });
    expect(refused.status).toBe(422);
    expect(await world.snapshot()).toBe(before);

    const archived = await world.post(PATH, { ...(await fields('nl')), intent: 'archive', code: 'PRIJS' });
    expect(await archived.text()).toContain('Reden PRIJS is gearchiveerd.');
    expect((await world.store.cancellationReasons.get('PRIJS'))?.archived).toBe(true);

    const relabelled = await world.post(PATH, {
      ...(await fields('en')),
      intent: 'save',
      code: 'PRIJS',
      label: 'Too expensive',
    });
    expect(relabelled.status).toBe(200);
    // Terminations keep the label they were recorded with: the API's warning says so.
    expect(await relabelled.text()).toMatch(/role="status">[^<]*1/);
    expect((await world.store.cancellationReasons.get('PRIJS'))?.archived).toBe(true);
  });
});
