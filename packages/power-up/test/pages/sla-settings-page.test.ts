import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corrective, goldPolicy } from '../store/fixtures.js';
import { startSettingsPagesWorld, type SettingsPagesWorld } from './pages-harness.js';

const PATH = '/pages/settings/sla-policies';

let world: SettingsPagesWorld;
beforeAll(async () => {
  world = await startSettingsPagesWorld(PATH);
  const { store, other, meta } = world;
  await store.slaPolicies.put(
    {
      ...goldPolicy(),
      clock: 'business',
      targets: {
        HOOG: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } },
        LAAG: { response: { amount: 1, unit: 'days' }, resolution: { amount: 5, unit: 'days' } },
      },
    },
    meta,
  );
  // Six contracts use GOUD: the page names five and counts the sixth.
  for (let i = 1; i <= 6; i++) await store.contracts.create(corrective(`C-${i}`, { slaPolicyCode: 'GOUD' }), meta);
  // The other tenant has policies of its own, one under acme's code GOUD.
  await other.slaPolicies.put({ ...goldPolicy(), name: 'Geheim goud' }, meta);
  await other.slaPolicies.put({ ...goldPolicy('ANDER'), name: 'Geheim ander' }, meta);
});
afterAll(async () => world?.close());

const open = (locale: 'nl' | 'en', query?: Record<string, string>) => world.open(locale, query);
const fields = (locale: 'nl' | 'en') => world.fields(locale);
/** Every data table and both tenants' settings: what a refused post must leave as it was. */
async function everything() {
  return JSON.stringify([await world.snapshot(), await world.store.settings.get(), await world.other.settings.get()]);
}

/** A policy as a person fills in the form: two targets with a blank row between them. */
const SILVER = {
  intent: 'create',
  code: 'ZILVER',
  name: 'Zilver',
  description: 'Kantooruren',
  clock: 'calendar',
  responseStatus: 'ONDERWEG',
  resolvedStatus: 'COMPLEET',
  'target.0.priority': 'HOOG',
  'target.0.response.amount': '30',
  'target.0.response.unit': 'minutes',
  'target.0.resolution.amount': '4',
  'target.0.resolution.unit': 'hours',
  'target.1.priority': '',
  'target.1.response.amount': '',
  'target.1.response.unit': 'hours',
  'target.1.resolution.amount': '',
  'target.1.resolution.unit': 'hours',
  'target.2.priority': 'LAAG',
  'target.2.response.amount': '1',
  'target.2.response.unit': 'days',
  'target.2.resolution.amount': '5',
  'target.2.resolution.unit': 'days',
};

describe('the SLA policies settings page', () => {
  it('lists the policies with their targets in words, the clock they count, and the contracts that use them', async () => {
    const response = await open('nl');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>SLA-beleid</h1>');
    expect(html).toContain('Goud (GOUD)');
    expect(html).toContain('<dd>Telt alleen werkuren (ma–vr 08:00–17:00), zonder vrije dagen</dd>');
    expect(html).toContain('<dt>Reactie bij status</dt><dd>ONDERWEG</dd>');
    expect(html).toContain('<th scope="row">HOOG</th><td>4 uur</td><td>2 dagen</td>');
    expect(html).toContain('<th scope="row">LAAG</th><td>1 dag</td><td>5 dagen</td>');
    // Used by six contracts: five named, each a link, the sixth counted; deleting is explained, not offered.
    expect(html).toContain('Gebruikt door 6 contracten:');
    expect(html.match(/<a href="\/pages\/contracts\/C-\d\?context=/g)).toHaveLength(5);
    expect(html).toContain('en nog 1.');
    expect(html).not.toContain('GOUD verwijderen');
    // The tenant's working hours, as they are now.
    expect(html).toContain('Nu: ma–vr 08:00–17:00.');
    expect(html).toMatch(/name="workingHours.mon" type="text" value="08:00–17:00"/);
    expect(html).toMatch(/name="workingHours.sat" type="text" value=""/);
    expect(html).not.toContain('Geheim');

    const english = await (await open('en')).text();
    expect(english).toContain('<h1>SLA policies</h1>');
    expect(english).toContain('<th scope="row">HOOG</th><td>4 hours</td><td>2 days</td>');
    expect(english).toContain('Counts working hours only (Mon–Fri 08:00–17:00), without days off');
    expect(english).toContain('Used by 6 contracts:');
  });

  it('adds a policy from the form, skipping blank target rows', async () => {
    const response = await world.post(PATH, { ...(await fields('en')), ...SILVER });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('SLA policy ZILVER is saved.');
    expect(await world.store.slaPolicies.get('ZILVER')).toEqual({
      code: 'ZILVER',
      name: 'Zilver',
      description: 'Kantooruren',
      clock: 'calendar',
      responseStatus: 'ONDERWEG',
      resolvedStatus: 'COMPLEET',
      targets: {
        HOOG: { response: { amount: 30, unit: 'minutes' }, resolution: { amount: 4, unit: 'hours' } },
        LAAG: { response: { amount: 1, unit: 'days' }, resolution: { amount: 5, unit: 'days' } },
      },
    });
    expect(html).toContain('<dd>Counts every hour, nights, weekends and days off included</dd>');
    expect(html).toContain('<th scope="row">HOOG</th><td>30 minutes</td><td>4 hours</td>');
    expect(html).toContain('Delete ZILVER');
  });

  it('edits a policy: the form starts from the stored targets, and saving replaces the policy whole', async () => {
    const form = await (await open('nl', { edit: 'ZILVER' })).text();
    expect(form).toContain('SLA-beleid ZILVER wijzigen');
    expect(form).toMatch(/name="target.0.priority" type="text" value="HOOG"/);
    expect(form).toMatch(/name="target.1.priority" type="text" value="LAAG"/);
    expect(form).toMatch(/name="target.4.priority" type="text" value=""/);

    const saved = await world.post(PATH, {
      ...(await fields('nl')),
      ...SILVER,
      intent: 'save',
      clock: 'business',
      'target.2.priority': 'MIDDEN',
      'target.2.response.amount': '2',
      'target.2.response.unit': 'hours',
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('SLA-beleid ZILVER is opgeslagen.');
    // Replaced whole: LAAG is gone, MIDDEN is there.
    expect((await world.store.slaPolicies.get('ZILVER'))?.targets).toEqual({
      HOOG: { response: { amount: 30, unit: 'minutes' }, resolution: { amount: 4, unit: 'hours' } },
      MIDDEN: { response: { amount: 2, unit: 'hours' }, resolution: { amount: 5, unit: 'days' } },
    });
  });

  it.each([
    ['code', { code: '' }],
    ['name', { name: '' }],
    ['responseStatus', { responseStatus: ' ' }],
    ['resolvedStatus', { resolvedStatus: '' }],
    ['clock', { clock: 'soms' }],
    ['target.0.response.amount', { 'target.0.response.amount': 'vier' }],
    ['target.0.resolution.amount', { 'target.0.resolution.amount': '0' }],
    ['target.2.response.unit', { 'target.2.response.unit': 'weeks' }],
    ['target.1.priority', { 'target.1.response.amount': '3' }],
    ['target.2.priority', { 'target.2.priority': 'HOOG' }],
  ])('refuses a bad %s beside its field, keeping what was typed, and writes nothing', async (field, patch) => {
    const before = await everything();
    const response = await world.post(PATH, { ...(await fields('en')), ...SILVER, code: 'NIEUW', ...patch });
    const html = await response.text();
    expect(response.status).toBe(422);
    const id = `f-${field.replace(/\./g, '-')}`;
    expect(html).toMatch(new RegExp(`<p class="field-error" id="${id}-error">[^<]+</p>`));
    expect(html).toContain(`href="#${id}"`);
    expect(html).toContain('<textarea id="f-description" name="description">Kantooruren</textarea>');
    expect(await everything()).toBe(before);
    expect(await world.store.slaPolicies.get('NIEUW')).toBeUndefined();
  });

  it('says in the page’s language what is wrong with a target row the API cannot see, and with a taken code', async () => {
    const before = await everything();
    const response = await world.post(PATH, {
      ...(await fields('nl')),
      ...SILVER,
      code: 'GOUD',
      'target.2.priority': 'HOOG',
    });
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(html).toContain('Er bestaat al een SLA-beleid met code GOUD');
    expect(html).toContain('Prioriteit HOOG heeft al een norm hierboven');
    expect(await everything()).toBe(before);
  });

  it('refuses to delete a policy contracts use, saying why; deletes an unused one', async () => {
    const before = await everything();
    const refused = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'GOUD' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('GOUD is still used by 6 contracts and was not deleted');
    expect(await everything()).toBe(before);

    const deleted = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'ZILVER' });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toContain('SLA policy ZILVER is deleted.');
    expect(await world.store.slaPolicies.get('ZILVER')).toBeUndefined();
  });

  it('sets the tenant’s working hours, changing nothing else, and business clocks say them', async () => {
    const settingsBefore = await world.store.settings.get();
    const otherBefore = await world.other.settings.get();
    const response = await world.post(PATH, {
      ...(await fields('nl')),
      intent: 'working-hours',
      'workingHours.mon': '7:30-12:00, 12:30-16:00',
      'workingHours.tue': '07:30–16:00',
      'workingHours.wed': '07:30 tot 16:00',
      'workingHours.thu': '07:30–16:00',
      'workingHours.fri': '',
      'workingHours.sat': '',
      'workingHours.sun': '',
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('De werktijden zijn opgeslagen: ma 07:30–12:00, 12:30–16:00; di–do 07:30–16:00.');
    expect(html).toContain(
      '<dd>Telt alleen werkuren (ma 07:30–12:00, 12:30–16:00; di–do 07:30–16:00), zonder vrije dagen</dd>',
    );
    const workingHours = {
      mon: [
        ['07:30', '12:00'],
        ['12:30', '16:00'],
      ],
      tue: [['07:30', '16:00']],
      wed: [['07:30', '16:00']],
      thu: [['07:30', '16:00']],
      fri: [],
      sat: [],
      sun: [],
    };
    expect(await world.store.settings.get()).toEqual({ ...settingsBefore, workingHours });
    expect(await world.other.settings.get()).toEqual(otherBefore);
  });

  it.each([
    ['workingHours.mon', { 'workingHours.mon': 'acht tot vijf' }, 'Schrijf de uren als 08:00–17:00'],
    ['workingHours.tue', { 'workingHours.tue': '17:00–08:00' }, 'elk einde na zijn begin'],
    ['workingHours.wed', { 'workingHours.wed': '08:00–25:00' }, 'tijden van 00:00 tot 24:00'],
    ['workingHours', { 'workingHours.mon': '', 'workingHours.tue': '' }, 'Geef op minstens één dag werktijden op'],
  ])('refuses working hours with a bad %s beside it, saving nothing', async (field, patch, message) => {
    const before = await everything();
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [`workingHours.${day}`, '']),
    );
    const response = await world.post(PATH, {
      ...(await fields('nl')),
      intent: 'working-hours',
      ...week,
      'workingHours.mon': '08:00–17:00',
      'workingHours.tue': '08:00–17:00',
      ...patch,
    });
    const html = await response.text();
    expect(response.status).toBe(422);
    const id = `f-${field.replace(/\./g, '-')}`;
    expect(html).toMatch(new RegExp(`<p class="field-error" id="${id}-error">[^<]*${message}`));
    expect(html).toContain(`href="#${id}"`);
    expect(await everything()).toBe(before);
  });

  it('never reaches another tenant’s policies: not to edit, not to delete', async () => {
    expect((await open('en', { edit: 'ANDER' })).status).toBe(404);
    const deleting = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'ANDER' });
    expect(deleting.status).toBe(404);
    expect(await world.other.slaPolicies.get('ANDER')).toMatchObject({ name: 'Geheim ander' });
    expect(await world.other.slaPolicies.get('GOUD')).toMatchObject({ name: 'Geheim goud', clock: 'calendar' });
  });

  it('refuses a forged context and a post without its CSRF token, writing nothing', async () => {
    const before = await everything();
    const forged = await world.forgedToken('nl');
    const { context, csrf } = await fields('nl');
    const hours = { intent: 'working-hours', 'workingHours.mon': '09:00–10:00' };
    expect((await world.post(PATH, { context: forged, csrf, ...hours })).status).toBe(401);
    expect((await world.post(PATH, { context: forged, csrf, ...SILVER, code: 'VALS' })).status).toBe(401);
    expect((await world.post(PATH, { context, ...SILVER, code: 'VALS' })).status).toBe(403);
    expect((await world.get(PATH, forged)).status).toBe(401);
    expect(await everything()).toBe(before);
  });
});
