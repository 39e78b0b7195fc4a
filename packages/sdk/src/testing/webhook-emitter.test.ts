import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../webhooks/webhook-signature.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { WebhookEmitter } from './webhook-emitter.js';

const secret = 'whsec_emitter_test_secret';
const clock = new Date('2025-03-14T10:00:00.123Z');
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver on loopback that verifies each delivery; `delayFirstMs` holds back the first answer. */
async function receiver(options: { delayFirstMs?: number } = {}) {
  const received: WebhookEvent[] = [];
  let requests = 0;
  const server = createServer(async (req, res) => {
    const first = requests++ === 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const headers = req.headers as Record<string, string>;
    const result = await verifyWebhook({ rawBody, headers, secrets: secret, now: clock });
    if (first && options.delayFirstMs) await new Promise((resolve) => setTimeout(resolve, options.delayFirstMs));
    if (result.ok) received.push(result.event);
    res.writeHead(result.ok ? 204 : 400).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` };
}

describe('WebhookEmitter', () => {
  it('delivers signed events one at a time, in the order they happened, even when the first is slow', async () => {
    const { received, url } = await receiver({ delayFirstMs: 100 });
    const emitter = new WebhookEmitter(() => clock);
    emitter.configure({ url, secret });
    emitter.emit('workorder.created', { rowId: 1, workorderNo: 'WO-1', status: 'Klaargezet' });
    const change = { rowId: 1, workorderNo: 'WO-1', previousStatus: 'Klaargezet', status: 'Compleet' };
    emitter.emit('workorder.status_changed', change);
    emitter.emit('workorder.completed', { rowId: 1, workorderNo: 'WO-1', status: 'Compleet' });
    await emitter.flush();

    const types = ['workorder.created', 'workorder.status_changed', 'workorder.completed'];
    expect(received.map((event) => event.type)).toEqual(types);
    expect(received.map((event) => event.id)).toEqual(['evt_sandbox_1', 'evt_sandbox_2', 'evt_sandbox_3']);
    expect(received[0]?.createdAt).toBe('2025-03-14T10:00:00Z');
    expect(emitter.deliveries.map((d) => [d.event.type, d.status])).toEqual(types.map((type) => [type, 204]));
  });

  it('sends nothing and records nothing while no receiver is configured', async () => {
    const { received, url } = await receiver();
    const emitter = new WebhookEmitter(() => clock);
    emitter.emit('object.updated', { code: 'LIFT-7' });
    emitter.configure({ url, secret });
    emitter.configure(undefined);
    emitter.emit('object.updated', { code: 'LIFT-7' });
    await emitter.flush();
    expect(received).toEqual([]);
    expect(emitter.deliveries).toEqual([]);
  });

  it('records an unreachable receiver as status 0 and still delivers the events after it', async () => {
    const { received, url } = await receiver();
    const emitter = new WebhookEmitter(() => clock);
    emitter.configure({ url: 'http://[not-a-host', secret });
    emitter.emit('object.updated', { code: 'LIFT-7' });
    emitter.configure({ url, secret });
    emitter.emit('object.updated', { code: 'BMI-ANKER' });
    await emitter.flush();
    expect(emitter.deliveries.map((d) => d.status)).toEqual([0, 204]);
    expect(received.map((event) => event.data)).toEqual([{ code: 'BMI-ANKER' }]);
  });

  it('flush also waits for events emitted while it waits', async () => {
    const { received, url } = await receiver({ delayFirstMs: 50 });
    const emitter = new WebhookEmitter(() => clock);
    emitter.configure({ url, secret });
    emitter.emit('object.updated', { code: 'LIFT-7' });
    const flushed = emitter.flush();
    emitter.emit('object.updated', { code: 'BMI-ANKER' });
    await flushed;
    expect(received).toHaveLength(2);
  });
});
