import { parseContractTerms } from '@contractbeheer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiveYearContract } from './contract-seed.js';
import { startSettingsPagesWorld, type SettingsPagesWorld } from './pages-harness.js';

const PATH = '/pages/settings/terms';

let world: SettingsPagesWorld;
beforeAll(async () => {
  world = await startSettingsPagesWorld(PATH);
  // Terms JAAR, used by contract C-5Y.
  await seedFiveYearContract(world.store);
  // The other tenant has terms of its own, one under acme's code JAAR.
  const { other, meta } = world;
  const otherTerms = { autoExtend: false, period: { count: 2, unit: 'year' } } as const;
  await other.terms.put(parseContractTerms({ ...otherTerms, code: 'JAAR', name: 'Geheim tweejarig' }), meta);
  await other.terms.put(parseContractTerms({ ...otherTerms, code: 'ANDER', name: 'Geheim ander' }), meta);
});
afterAll(async () => world?.close());

const open = (locale: 'nl' | 'en', query?: Record<string, string>) => world.open(locale, query);
const fields = (locale: 'nl' | 'en') => world.fields(locale);

/** A quarterly contract as a person fills in the form (Dutch decimals). */
const QUARTER = {
  intent: 'create',
  code: 'KWARTAAL',
  name: 'Kwartaalcontract',
  description: 'Voor kleine installaties',
  'period.count': '3',
  'period.unit': 'month',
  autoExtend: 'false',
  'renewalPeriod.count': '',
  'renewalPeriod.unit': 'month',
  'noticeBeforeCancellation.count': '2',
  'noticeBeforeCancellation.unit': 'week',
  'noticeAfterRenewal.count': '',
  'noticeAfterRenewal.unit': 'month',
  'invoicePeriod.count': '',
  'invoicePeriod.unit': 'month',
  'indexation.kind': 'fixed',
  'indexation.basisPoints': '2,5',
  'indexation.capBasisPoints': '',
  'indexation.floorBasisPoints': '',
};

describe('the contract terms settings page', () => {
  it('lists the tenant’s terms in words, with the contracts that use them instead of a delete button', async () => {
    const response = await open('nl');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Contractvoorwaarden</h1>');
    expect(html).toContain('Jaarcontract (JAAR)');
    expect(html).toContain('<dt>Contractperiode</dt><dd>1 jaar</dd>');
    expect(html).toContain('<dd>Stilzwijgend verlengd, telkens met 1 jaar</dd>');
    expect(html).toContain('<dt>Opzegtermijn</dt><dd>1 maand</dd>');
    expect(html).toContain('<dd>Per 1 maand</dd>');
    // Used by C-5Y: the contract is named (a link to it) and deleting is explained, not offered.
    expect(html).toMatch(/Gebruikt door 1 contract: <a href="\/pages\/contracts\/C-5Y\?context=[^"]+">C-5Y<\/a>/);
    expect(html).toContain('Verwijderen kan pas als geen contract er meer naar verwijst');
    expect(html).not.toContain('JAAR verwijderen');
    // The other tenant's terms, even under the same code, are not shown.
    expect(html).not.toContain('Geheim');

    const english = await (await open('en')).text();
    expect(english).toContain('<h1>Contract terms</h1>');
    expect(english).toContain('<dd>Extends by itself, each time by 1 year</dd>');
    expect(english).toContain('Used by 1 contract:');
  });

  it('adds terms from the form, empty optional periods taking their defaults', async () => {
    const response = await world.post(PATH, { ...(await fields('en')), ...QUARTER });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Terms KWARTAAL are saved.');
    expect(await world.store.terms.get('KWARTAAL')).toEqual({
      code: 'KWARTAAL',
      name: 'Kwartaalcontract',
      description: 'Voor kleine installaties',
      autoExtend: false,
      period: { count: 3, unit: 'month' },
      noticeBeforeCancellation: { count: 2, unit: 'week' },
      invoicePeriod: { count: 1, unit: 'month' },
      indexation: { kind: 'fixed', basisPoints: 250 },
    });
    // In the list, in words, and deletable while no contract uses the terms.
    expect(html).toContain('<dd>Does not extend: the contract ends with its period</dd>');
    expect(html).toContain('<dd>2 weeks</dd>');
    expect(html).toContain('<dd>Fixed: 2.5% at each renewal</dd>');
    expect(html).toContain('No contract uses this.');
    expect(html).toContain('Delete KWARTAAL');
  });

  it('edits terms: the form starts from the stored terms, and saving replaces them whole', async () => {
    const form = await (await open('nl', { edit: 'KWARTAAL' })).text();
    expect(form).toContain('Voorwaarden KWARTAAL wijzigen');
    expect(form).toContain('name="period.count" type="number" value="3"');
    expect(form).toMatch(/<option value="week" selected="">weken<\/option>/);
    expect(form).toMatch(/name="indexation.basisPoints" [^>]*value="2,5"/);
    expect(form).toContain('<input type="hidden" name="code" value="KWARTAAL"/>');

    const saved = await world.post(PATH, {
      ...(await fields('nl')),
      ...QUARTER,
      intent: 'save',
      name: 'Kwartaal, stilzwijgend',
      autoExtend: 'true',
      'renewalPeriod.count': '1',
      'renewalPeriod.unit': 'year',
      'indexation.kind': 'index',
      'indexation.basisPoints': '2,5',
      'indexation.capBasisPoints': '3',
      'indexation.floorBasisPoints': '-1,25',
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Voorwaarden KWARTAAL zijn opgeslagen.');
    // Replaced whole: the fixed percentage is gone with the kind it belonged to.
    expect(await world.store.terms.get('KWARTAAL')).toEqual({
      code: 'KWARTAAL',
      name: 'Kwartaal, stilzwijgend',
      description: 'Voor kleine installaties',
      autoExtend: true,
      period: { count: 3, unit: 'month' },
      renewalPeriod: { count: 1, unit: 'year' },
      noticeBeforeCancellation: { count: 2, unit: 'week' },
      invoicePeriod: { count: 1, unit: 'month' },
      indexation: { kind: 'index', capBasisPoints: 300, floorBasisPoints: -125 },
    });
    const list = await (await open('nl')).text();
    expect(list).toContain('<dd>Volgens de prijsindex, hoogstens 3%, minstens -1,25%</dd>');
  });

  it('refuses a bad field on a Dutch page in Dutch, beside the field', async () => {
    const response = await world.post(PATH, {
      ...(await fields('nl')),
      ...QUARTER,
      code: 'NIEUW',
      'period.count': '0',
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(
      /<p class="field-error" id="f-period-count-error">Vul de contractperiode in: een heel aantal van 1 tot en met 1000/,
    );
  });

  it.each([
    ['code', { code: '' }],
    ['name', { name: ' ' }],
    ['period.count', { 'period.count': 'drie' }],
    ['period.count', { 'period.count': '0' }],
    ['period.unit', { 'period.unit': 'decade' }],
    ['autoExtend', { autoExtend: 'misschien' }],
    ['renewalPeriod.count', { 'renewalPeriod.count': '0' }],
    ['noticeBeforeCancellation.count', { 'noticeBeforeCancellation.count': '-1' }],
    ['noticeAfterRenewal.unit', { 'noticeAfterRenewal.count': '1', 'noticeAfterRenewal.unit': 'eeuw' }],
    ['invoicePeriod.count', { 'invoicePeriod.count': '5000' }],
    ['indexation.basisPoints', { 'indexation.basisPoints': 'veel' }],
    ['indexation.capBasisPoints', { 'indexation.kind': 'index', 'indexation.capBasisPoints': '2000' }],
  ])('refuses a bad %s beside its field, keeping what was typed, and writes nothing', async (field, patch) => {
    const before = await world.snapshot();
    const response = await world.post(PATH, { ...(await fields('en')), ...QUARTER, code: 'NIEUW', ...patch });
    const html = await response.text();
    expect(response.status).toBe(422);
    const id = `f-${field.replace(/\./g, '-')}`;
    expect(html).toMatch(new RegExp(`<p class="field-error" id="${id}-error">[^<]+</p>`));
    expect(html).toContain(`href="#${id}"`);
    expect(html).toContain('<textarea id="f-description" name="description">Voor kleine installaties</textarea>');
    expect(await world.snapshot()).toBe(before);
    expect(await world.store.terms.get('NIEUW')).toBeUndefined();
  });

  it('refuses to add terms under a code already taken (saving would replace them), in the page’s language', async () => {
    const before = await world.snapshot();
    const response = await world.post(PATH, { ...(await fields('nl')), ...QUARTER, code: 'JAAR' });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(
      /<p class="field-error" id="f-code-error">Er bestaan al voorwaarden met code JAAR: kies een andere code/,
    );
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses to delete terms a contract uses, saying why; deletes unused terms', async () => {
    const before = await world.snapshot();
    const refused = await world.post(PATH, { ...(await fields('nl')), intent: 'delete', code: 'JAAR' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('JAAR wordt nog door 1 contract gebruikt en is niet verwijderd');
    expect(await world.snapshot()).toBe(before);
    expect(await world.store.terms.get('JAAR')).toBeDefined();

    const deleted = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'KWARTAAL' });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toContain('Terms KWARTAAL are deleted.');
    expect(await world.store.terms.get('KWARTAAL')).toBeUndefined();
  });

  it('never reaches another tenant’s terms: not to edit, not to delete, and its own write stays its own', async () => {
    expect((await open('en', { edit: 'ANDER' })).status).toBe(404);
    const deleting = await world.post(PATH, { ...(await fields('en')), intent: 'delete', code: 'ANDER' });
    expect(deleting.status).toBe(404);
    expect(await world.other.terms.get('ANDER')).toMatchObject({ name: 'Geheim ander' });

    const created = await world.post(PATH, { ...(await fields('en')), ...QUARTER, code: 'ANDER', name: 'Eigen' });
    expect(created.status).toBe(200);
    expect(await world.store.terms.get('ANDER')).toMatchObject({ name: 'Eigen' });
    expect(await world.other.terms.get('ANDER')).toMatchObject({ name: 'Geheim ander', autoExtend: false });
    expect(await world.other.terms.get('JAAR')).toMatchObject({ name: 'Geheim tweejarig' });
  });

  it('refuses a forged context, a context of another screen, and a post without its CSRF token, writing nothing', async () => {
    const before = await world.snapshot();
    const forged = await world.forgedToken('en');
    const { csrf } = await fields('en');
    const forgedPost = await world.post(PATH, { context: forged, csrf, ...QUARTER, code: 'VALS' });
    expect(forgedPost.status).toBe(401);
    expect((await world.get(PATH, forged)).status).toBe(401);

    const contractScreen = await world.token('en', { type: 'contract', id: 'C-5Y' });
    expect((await world.get(PATH, contractScreen)).status).toBe(403);

    const { context } = await fields('en');
    const withoutCsrf = await world.post(PATH, { context, ...QUARTER, code: 'VALS' });
    expect(withoutCsrf.status).toBe(403);
    expect(await world.snapshot()).toBe(before);
    expect(await world.store.terms.get('VALS')).toBeUndefined();
  });
});
