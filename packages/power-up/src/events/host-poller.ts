import type { WebhookEvent } from '@contractbeheer/sdk/webhooks';
import type { Logger } from 'pino';
import type { TenantHosts } from '../hosts/tenant-hosts.js';
import type { NewInboundEvent } from '../store/inbound-events.js';
import type { Store, Tenant } from '../store/store.js';

/** The lifecycle statuses a generated work order moves to after it was created (`Klaargezet`). */
const POLLED_STATUSES = ['Opgehaald', 'Compleet', 'Afgehandeld'] as const;

export type PollResult = { tenantId: string; seen: number; stored: number; acknowledged: number };

/** A webhook-shaped event, so the poller's findings go through the one registry exactly as pushed ones do. */
function pollEvent(id: string, type: WebhookEvent['type'], data: Record<string, unknown>, at: Date): NewInboundEvent {
  const createdAt = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { eventId: id, type, payload: { id, type, createdAt, data }, source: 'poller' };
}

/**
 * For hosts that do not push webhooks (OutSmart documents none): reads the host and turns what changed into the same
 * inbox events a webhook would bring, for the processor to handle. Event ids are derived from what was seen (the
 * work-order number and its status; the object code and its modification time), so polling twice stores nothing
 * twice. Work orders are listed with `update_status=false` — listing must not close completed ones — and only those
 * the ledger generated, whose status differs from the one it holds, become events. Changed objects are acknowledged
 * on the host only after their events are committed, so a crash in between re-reads them rather than losing them.
 * The objects feed shows changes, not deletions: deleted objects arrive as `object.deleted` webhooks.
 */
export function createHostPoller(deps: { store: Store; hosts: TenantHosts; log: Logger; now: () => Date }) {
  async function pollTenant(tenant: Tenant): Promise<PollResult> {
    const host = await deps.hosts.clientFor(tenant);
    const store = deps.store.forTenant(tenant.id);
    const at = deps.now();
    const events: NewInboundEvent[] = [];
    let seen = 0;
    for (const status of POLLED_STATUSES) {
      for (const order of await host.workOrders.list({ status, updateStatus: false })) {
        seen += 1;
        const number = order.workorderNo;
        if (number === null || order.status === null) continue;
        const entry = await store.ledger.byWorkOrderNumber(number);
        if (entry === undefined || entry.hostStatus === order.status) continue;
        const data = {
          rowId: order.rowId,
          workorderNo: number,
          previousStatus: entry.hostStatus,
          status: order.status,
        };
        events.push(pollEvent(`poll:workorder:${number}:${order.status}`, 'workorder.status_changed', data, at));
        // Afgehandeld comes after Compleet: a work order first seen handled was completed too, costs and all.
        if (order.status === 'Compleet' || order.status === 'Afgehandeld') {
          events.push(pollEvent(`poll:workorder:${number}:completed`, 'workorder.completed', data, at));
        }
      }
    }
    const objects = await host.objects.changed();
    for (const object of objects) {
      if (object.code === null) continue;
      seen += 1;
      const version = object.modifiedAt ?? at.toISOString();
      events.push(pollEvent(`poll:object:${object.code}:${version}`, 'object.updated', { code: object.code }, at));
    }
    const stored = await store.inbox.receiveAll(events, at.toISOString());
    let acknowledged = 0;
    for (const object of objects) {
      if (object.code === null) continue;
      await host.objects.acknowledge(object.code);
      acknowledged += 1;
    }
    return { tenantId: tenant.id, seen, stored: stored.length, acknowledged };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const poller = {
    pollTenant,
    /** Polls every `intervalMs` until {@link stop}. */
    start(intervalMs: number): void {
      if (!stopped) return;
      stopped = false;
      const next = () => {
        if (stopped) return;
        timer = setTimeout(() => {
          running = poller.pollAll().finally(next);
        }, intervalMs);
        timer.unref();
      };
      next();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
    /** Polls every installed tenant with a host; a tenant whose host fails is logged and the others still polled. */
    async pollAll(): Promise<PollResult[]> {
      const results: PollResult[] = [];
      for (const tenant of await deps.store.tenants.list()) {
        if (tenant.status !== 'installed' || tenant.hostBaseUrl === null) continue;
        try {
          results.push(await pollTenant(tenant));
        } catch (error) {
          deps.log.warn({ tenantId: tenant.id, err: error }, 'polling the host failed: it is polled again next time');
        }
      }
      return results;
    },
  };
  return poller;
}
