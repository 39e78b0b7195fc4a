import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import type { InboundEvent } from '../store/inbound-events.js';
import { API_BASE_PATH, type RouteDefinition } from './route-table.js';
import { requestLog } from './request-observation.js';

const listQuerySchema = z.object({
  state: z.enum(['received', 'processed', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** An inbox row as the API shows it: what happened to the event, and the event itself. */
const eventView = (event: InboundEvent) => ({
  eventId: event.eventId,
  type: event.type,
  source: event.source,
  state: event.state,
  attempts: event.attempts,
  receivedAt: event.receivedAt,
  nextAttemptAt: event.state === 'received' ? event.nextAttemptAt : null,
  processedAt: event.processedAt,
  lastError: event.lastError,
  payload: event.payload,
});

/**
 * Events in: the webhook endpoint the host posts to (signed with the tenant's webhook secret; no API key), and the
 * tenant's view of its inbox — the dead letters above all — with a way to try a dead event again.
 */
export const eventRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/webhooks/:tenantId',
    access: 'public',
    handle: async (c, { webhooks }) => {
      // The bytes as received: the signature covers them, not a decoding or a re-serialisation.
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      const received = await webhooks.receive(c.req.param('tenantId')!, { rawBody, headers: c.req.raw.headers });
      requestLog(c).debug({ tenantId: c.req.param('tenantId'), ...received }, 'webhook received');
      // Only now: the event is committed, so the host may forget it.
      return c.json({ received: true, ...received }, 200);
    },
  },
  {
    method: 'GET',
    path: `${API_BASE_PATH}/events`,
    access: 'tenant',
    handle: async (c) => {
      const parsed = listQuerySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new PowerUpError('invalid-input', `${issue.message}.`, { path: issue.path.map(String) });
      }
      const { state, limit } = parsed.data;
      const events = await c.get('tenant').store.inbox.list({
        ...(state !== undefined && { state }),
        ...(limit !== undefined && { limit }),
      });
      return c.json({ data: events.map(eventView) });
    },
  },
  {
    method: 'POST',
    path: `${API_BASE_PATH}/events/:eventId/retry`,
    access: 'tenant',
    handle: async (c, { now }) => {
      const eventId = c.req.param('eventId')!;
      const inbox = c.get('tenant').store.inbox;
      if (!(await inbox.revive(eventId, now().toISOString()))) {
        const event = await inbox.get(eventId);
        throw event === undefined
          ? new PowerUpError('not-found', `there is no event '${eventId}' in the inbox.`, { path: ['eventId'] })
          : new PowerUpError('invalid-input', `event '${eventId}' is ${event.state}, not dead: nothing to retry.`, {
              path: ['eventId'],
            });
      }
      return c.json({ data: eventView((await inbox.get(eventId))!) });
    },
  },
];
