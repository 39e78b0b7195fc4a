import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import { createHttpMetrics } from '../../src/api/http-metrics.js';
import { createWebhookReceiver } from '../../src/events/webhook-receiver.js';
import type { AppServices } from '../../src/api/route-table.js';
import { ContextFields, pageRoutes, type PageDefinition } from '../../src/pages/page-route.js';
import type { Marketplace } from '../../src/tenants/marketplace.js';
import { startPagesWorld, TENANT, type PagesWorld } from './pages-harness.js';

/** A form and the post it sends: what a settings or contract page does, reduced to the checks around it. */
const posted: string[] = [];
const TEST_PAGES: PageDefinition[] = [
  {
    path: '/pages/test-form',
    async render(page) {
      return {
        title: 'Form',
        body: (
          <form method="post" action="/pages/test-form">
            <ContextFields page={page} />
            <label for="remark">Remark</label>
            <input id="remark" name="remark" />
          </form>
        ),
      };
    },
  },
  {
    method: 'POST',
    path: '/pages/test-form',
    async render(page, c) {
      const body = await c.req.parseBody();
      posted.push(`${page.tenant.id}:${typeof body.remark === 'string' ? body.remark : '(not text)'}`);
      return { title: 'Saved', body: <p>saved</p> };
    },
  },
];

let world: PagesWorld;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  world = await startPagesWorld();
  const { powerUp, clock } = world.running;
  const services: AppServices = {
    store: powerUp.store,
    marketplace: {} as Marketplace,
    hosts: { clientFor: () => Promise.reject(new Error('no host in this test')) },
    metrics: createHttpMetrics(),
    now: clock.now,
    openApiDocument: {},
    webhooks: createWebhookReceiver({
      store: powerUp.store,
      credentialsFor: (tenantId) => powerUp.credentialsFor(tenantId),
      now: clock.now,
    }),
  };
  const secretFor = async (tenant: { id: string }) => (await powerUp.credentialsFor(tenant.id))?.webhookSecret;
  app = createApp(services, {
    log: pino({ level: 'silent' }),
    routes: [],
    pages: pageRoutes(TEST_PAGES, { secretFor }),
  });
});
afterAll(async () => {
  await world?.close();
});

const HOST = 'pages.example:8080';

/** The form as the browser would send it after opening the page: its hidden fields, plus what the user typed. */
async function openForm(token: string): Promise<URLSearchParams> {
  const html = await (await app.request(`http://${HOST}/pages/test-form?context=${encodeURIComponent(token)}`)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';
  return new URLSearchParams({ context: field('context'), csrf: field('csrf'), remark: 'hello' });
}

function post(form: URLSearchParams, headers: Record<string, string> = { origin: `https://${HOST}` }) {
  return app.request(`http://${HOST}/pages/test-form`, {
    method: 'POST',
    body: form,
    headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

describe('form posts', () => {
  it('accept a post from the page itself, with the context and its CSRF token', async () => {
    posted.length = 0;
    const response = await post(await openForm(await world.mint({ entity: { type: 'contract' } })));
    expect(response.status).toBe(200);
    expect(posted).toEqual([`${TENANT}:hello`]);
  });

  it('refuse a post from another origin, without a CSRF token, or with the token of another context', async () => {
    posted.length = 0;
    const form = await openForm(await world.mint({ entity: { type: 'contract' } }));
    expect((await post(form, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(form, {})).status).toBe(403);
    expect((await post(form, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    posted.length = 0;
    const withoutCsrf = new URLSearchParams(form);
    withoutCsrf.delete('csrf');
    expect((await post(withoutCsrf)).status).toBe(403);
    const other = await openForm(await world.mint({ entity: { type: 'contract' } }));
    const swapped = new URLSearchParams(form);
    swapped.set('csrf', other.get('csrf')!);
    const refused = await post(swapped);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('data-refusal="cross-site"');
    expect(posted).toEqual([]);
  });

  it('refuse a post whose context is forged, whatever its CSRF token', async () => {
    posted.length = 0;
    const form = await openForm(await world.mint({ entity: { type: 'contract' } }));
    form.set('context', await world.mint({ entity: { type: 'contract' } }, { secret: 'whsec_forged-0000000000000' }));
    expect((await post(form)).status).toBe(401);
    expect(posted).toEqual([]);
  });
});
