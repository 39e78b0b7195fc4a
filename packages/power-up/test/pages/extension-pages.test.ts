import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/pages/manifest/manifest-schema.js';
import { OTHER_TENANT, startPagesWorld, TENANT, type PagesWorld } from './pages-harness.js';

let world: PagesWorld;
beforeAll(async () => {
  world = await startPagesWorld();
});
afterAll(async () => {
  await world?.close();
});

const OBJECT = { type: 'object', id: 'CV-KETEL-88' } as const;

describe('the manifest', () => {
  it('validates, and every URL in it is served', async () => {
    const response = await fetch(`${world.running.url}/manifest.json`);
    expect(response.status).toBe(200);
    const manifest = manifestSchema.parse(
      // Served absolute; the schema holds paths: make them paths again to validate the same definition.
      JSON.parse((await response.text()).replaceAll(world.running.url, '')),
    );
    expect(manifest.capabilities.map((capability) => capability.kind)).toEqual(
      expect.arrayContaining(['object-tab', 'customer-tab', 'work-order-panel', 'dashboard-widget']),
    );
    for (const capability of manifest.capabilities) {
      const token = await world.mint({ entity: { type: capability.entity, id: 'x' } });
      const page = await world.open(capability.url, token);
      expect(page.status, capability.url).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    }
    for (const url of Object.values(manifest.lifecycle)) {
      // Unsigned: refused by the marketplace check (401), which proves the route is there (not a 404).
      const answer = await fetch(`${world.running.url}${url}`, { method: 'POST', body: '{}' });
      expect(answer.status, url).toBe(401);
    }
  });
});

describe('the host tabs', () => {
  it('object tab: the contracts covering the object with next dates, none of another tenant', async () => {
    const page = await world.open('/pages/object-tab', await world.mint({ entity: OBJECT }));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('PREVIEW-ONDERHOUD');
    expect(html).toContain('PREVIEW-STORING');
    // The monthly schedule on the 15th: the next date is a 15th (January 15 is today: 2026-01-15 counts).
    expect(html).toMatch(/15 jan\.? 2026/);
    expect(html).not.toContain('OTHER-SECRET-CONTRACT');
    expect(html).toContain('<html lang="nl">');
  });

  it('customer tab in English: status and budget state of the customer contracts', async () => {
    const token = await world.mint({ entity: { type: 'customer', id: 'D1001' }, locale: 'en' });
    const html = await (await world.open('/pages/customer-tab', token)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Contracts of customer D1001');
    expect(html).toContain('Active');
    // The work orders left in the contract year at € 600 each outrun the € 1,500 budget.
    expect(html).toContain('Budget under pressure');
    expect(html).not.toContain('OTHER-SECRET-CONTRACT');
  });

  it('dashboard widget: the contract under budget pressure and the one whose notice deadline is near', async () => {
    const html = await (
      await world.open('/pages/dashboard-widget', await world.mint({ entity: { type: 'dashboard' } }))
    ).text();
    const [pressure, renewals] = html.split('Opzegtermijn verloopt binnenkort');
    expect(pressure).toContain('PREVIEW-ONDERHOUD');
    expect(renewals).toContain('PREVIEW-ONDERHOUD');
    // Its contract year ends on 30 April; with three months' notice the last day to give it is 30 January.
    expect(renewals).toMatch(/30 jan\.? 2026/);
  });

  it('work-order panel: the SLA clocks of the host work order, running from its report time', async () => {
    world.running.clock.advance(5 * 3600);
    try {
      const token = await world.mint({ entity: { type: 'work-order', id: 'PREVIEW-SLA-1' }, locale: 'en' });
      const html = await (await world.open('/pages/work-order-panel', token)).text();
      expect(html).toContain('Storingsdienst 24/7');
      // Priority 1: respond within 4 hours (breached after 5), resolve within a day (19 hours left).
      expect(html).toMatch(
        /Response<\/th><td>[^<]+<\/td><td class="num">1 h 00 m late<\/td><td><span class="badge bad">Breached/,
      );
      expect(html).toMatch(
        /Resolution<\/th><td>[^<]+<\/td><td class="num">19 h 00 m left<\/td><td><span class="badge warn">Running/,
      );
    } finally {
      world.running.clock.advance(-5 * 3600);
    }
  });

  it("work-order panel: a business clock counts the tenant's own working hours, and says which", async () => {
    const store = world.running.powerUp.store.forTenant(TENANT);
    const meta = { actor: 'test', at: world.running.clock.now().toISOString() };
    const policy = (await store.slaPolicies.get('PREVIEW-SLA'))!;
    const settings = await store.settings.get();
    const open = async () => {
      const token = await world.mint({ entity: { type: 'work-order', id: 'PREVIEW-SLA-1' }, locale: 'en' });
      return (await world.open('/pages/work-order-panel', token)).text();
    };
    await store.slaPolicies.put({ ...policy, clock: 'business' }, meta);
    try {
      // Reported Thursday 15 January 10:00 (Amsterdam). Office hours: 4 working hours later is 14:00 the same day.
      const office = await open();
      expect(office).toContain('Counts working hours only (Mon–Fri 08:00–17:00), without days off.');
      expect(office).toMatch(/Response<\/th><td>15 Jan 2026, 14:00</);
      // Thursday 10:00–12:00 leaves two hours that day; the other two run Friday from 08:00.
      const closed = { mon: [], tue: [], wed: [], sat: [], sun: [] };
      await store.settings.put(
        { ...settings, workingHours: { ...closed, thu: [['10:00', '12:00']], fri: [['08:00', '17:00']] } },
        meta,
      );
      const own = await open();
      expect(own).toContain('Counts working hours only (Thu 10:00–12:00; Fri 08:00–17:00), without days off.');
      expect(own).toMatch(/Response<\/th><td>16 Jan 2026, 10:00</);
    } finally {
      await store.slaPolicies.put(policy, meta);
      await store.settings.put(settings, meta);
    }
  });
});

describe('the signed context', () => {
  async function expectRefused(response: Response, status: number, reason: string) {
    const html = await response.text();
    expect(response.status).toBe(status);
    expect(html).toContain(`data-refusal="${reason}"`);
    for (const secret of ['PREVIEW-ONDERHOUD', 'PREVIEW-STORING', 'OTHER-SECRET-CONTRACT'])
      expect(html).not.toContain(secret);
    return html;
  }

  it('refuses a page opened without a context', async () => {
    await expectRefused(await world.open('/pages/object-tab', undefined), 401, 'missing');
  });

  it('refuses an expired context, in the language the token names', async () => {
    const token = await world.mint({ entity: OBJECT, locale: 'en' }, { lifetimeSeconds: 60 });
    world.running.clock.advance(120);
    try {
      const html = await expectRefused(await world.open('/pages/object-tab', token), 401, 'expired');
      expect(html).toContain('The context of this page has expired.');
    } finally {
      world.running.clock.advance(-120);
    }
  });

  it('refuses a forged context (signed with another secret), in Dutch', async () => {
    const token = await world.mint({ entity: OBJECT }, { secret: 'whsec_not-the-tenants-secret-000000' });
    const html = await expectRefused(await world.open('/pages/object-tab', token), 401, 'forged');
    expect(html).toContain('niet door uw omgeving ondertekend');
  });

  it("refuses another tenant's token that names this tenant (signed with the other tenant's secret)", async () => {
    const token = await world.mint({ entity: OBJECT, tenant: TENANT }, { secret: world.secrets.get(OTHER_TENANT)! });
    await expectRefused(await world.open('/pages/object-tab', token), 401, 'forged');
  });

  it("shows another tenant's own token only that tenant's data", async () => {
    const html = await (
      await world.open('/pages/object-tab', await world.mint({ entity: OBJECT, tenant: OTHER_TENANT }))
    ).text();
    expect(html).toContain('OTHER-SECRET-CONTRACT');
    expect(html).not.toContain('PREVIEW-ONDERHOUD');
  });

  it('refuses a token of an unknown tenant, a token that lives too long, and a context minted for another screen', async () => {
    await expectRefused(
      await world.open(
        '/pages/object-tab',
        await world.mint({ entity: OBJECT, tenant: 'nobody' }, { secret: 'whsec_x-000000000000' }),
      ),
      401,
      'unknown-tenant',
    );
    await expectRefused(
      await world.open('/pages/object-tab', await world.mint({ entity: OBJECT }, { lifetimeSeconds: 24 * 3600 })),
      401,
      'malformed',
    );
    await expectRefused(
      await world.open('/pages/work-order-panel', await world.mint({ entity: OBJECT })),
      403,
      'wrong-entity',
    );
    await expectRefused(await world.open('/pages/object-tab', 'not.a.jwt'), 401, 'malformed');
  });

  it("lets only the tenant's host frame a page, and keeps the token out of caches and referrers", async () => {
    const page = await world.open('/pages/object-tab', await world.mint({ entity: OBJECT }));
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${world.host.origin}`);
    expect(csp).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const refused = await world.open('/pages/object-tab', undefined);
    expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
