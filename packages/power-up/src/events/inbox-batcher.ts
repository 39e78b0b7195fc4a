import type { NewInboundEvent } from '../store/inbound-events.js';
import type { Store } from '../store/store.js';

type Waiting = {
  tenantId: string;
  event: NewInboundEvent;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
};

/** Deliveries stored per statement at most. */
const MAX_BATCH = 200;
/** Statements in flight at once: leaves the rest of the connection pool to the API. */
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for the webhook receiver: deliveries that arrive while a write is in flight are stored together, in one
 * insert per tenant, when it ends. Each caller still resolves only once its own event is committed (`true`: stored;
 * `false`: its id was there already, or came twice in one batch), so "2xx only after the commit" holds, but a commit
 * (an fsync) is shared by many deliveries instead of paid by each. A lone delivery is written at once: batching adds no
 * wait, it only collects what queued up during the previous write.
 */
export function createInboxBatcher(store: Store, now: () => Date) {
  const queue: Waiting[] = [];
  let inFlight = 0;

  async function write(batch: Waiting[]): Promise<void> {
    const byTenant = new Map<string, Waiting[]>();
    for (const waiting of batch) byTenant.set(waiting.tenantId, [...(byTenant.get(waiting.tenantId) ?? []), waiting]);
    const at = now().toISOString();
    await Promise.all(
      [...byTenant].map(async ([tenantId, group]) => {
        const first = new Map<string, Waiting>();
        for (const waiting of group) if (!first.has(waiting.event.eventId)) first.set(waiting.event.eventId, waiting);
        try {
          const stored = new Set(
            await store.forTenant(tenantId).inbox.receiveAll(
              [...first.values()].map((waiting) => waiting.event),
              at,
            ),
          );
          for (const waiting of group) {
            waiting.resolve(first.get(waiting.event.eventId) === waiting && stored.has(waiting.event.eventId));
          }
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
        }
      }),
    );
  }

  function drain(): void {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
      inFlight += 1;
      void write(queue.splice(0, MAX_BATCH)).finally(() => {
        inFlight -= 1;
        drain();
      });
    }
  }

  return {
    /** Stores the event in the tenant's inbox; `true` when this call stored it, `false` for a duplicate. */
    receive(tenantId: string, event: NewInboundEvent): Promise<boolean> {
      return new Promise((resolve, reject) => {
        queue.push({ tenantId, event, resolve, reject });
        drain();
      });
    },
  };
}
