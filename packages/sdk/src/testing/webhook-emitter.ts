import { signWebhook } from '../webhooks/webhook-signature.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';

/** How a store announces a change; the emitter decides whether and where it is delivered. */
export type EmitEvent = (type: WebhookEvent['type'], data: Record<string, unknown>) => void;

/** Where signed events go. */
export type WebhookTarget = { url: string; secret: string };

/** One delivery attempt, with the HTTP status the receiver answered (0 when unreachable). */
export type WebhookDelivery = { event: WebhookEvent; status: number };

/** Signs the sandbox's events and POSTs them to the configured receiver. */
export class WebhookEmitter {
  /** Every delivery attempted. */
  readonly deliveries: WebhookDelivery[] = [];
  private target: WebhookTarget | undefined;
  private eventCount = 0;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly now: () => Date) {}

  /** Signed webhooks for every change go to `target` from now on; `undefined` stops them. */
  configure(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  /** Sends an event to the receiver configured now; without one, the event is not recorded at all. */
  readonly emit: EmitEvent = (type, data) => {
    if (this.target === undefined) return;
    const createdAt = this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const event = { id: `evt_sandbox_${++this.eventCount}`, type, createdAt, data } as WebhookEvent;
    const { url, secret } = this.target;
    const delivery = this.deliver(event, url, secret);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  };

  /** Waits until every delivery started so far, and any started while waiting, has finished. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async deliver(event: WebhookEvent, url: string, secret: string): Promise<void> {
    let status = 0;
    try {
      // Signing inside the try: a bad secret or clock is an undelivered event, not an unhandled rejection.
      const { body, headers } = await signWebhook({ payload: event, secret, timestamp: this.now() });
      status = (await fetch(url, { method: 'POST', body, headers })).status;
    } catch {
      status = 0;
    }
    this.deliveries.push({ event, status });
  }
}
