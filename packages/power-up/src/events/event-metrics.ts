import { Gauge, type Registry } from 'prom-client';
import type { Store } from '../store/store.js';

/**
 * `contractbeheer_inbound_events{state}`: the inbox by state, read from the store at each scrape, so every instance
 * reports the same shared numbers. A `dead` count above zero is what an alert should watch.
 */
export function registerEventMetrics(registry: Registry, store: Store): void {
  new Gauge({
    name: 'contractbeheer_inbound_events',
    help: 'Host events in the inbox, by state (received: waiting or retrying; processed; dead: given up on).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await store.inboundEvents.counts();
      for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
    },
  });
}
