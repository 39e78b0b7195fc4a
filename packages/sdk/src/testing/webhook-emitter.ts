import { signWebhook } from '../webhooks/webhook-signature.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';

/** How a store announces a change; the emitter decides whether and where it is delivered. */
export type EmitEvent = (type: WebhookEvent['type'], data: Record<string, unknown>) => void;

/** Where signed events go. */
export type WebhookTarget = { url: string; secret: string };

/** One delivery attempt, with the HTTP status the receiver answered (0 when unreachable). */
export type WebhookDelivery = { event: WebhookEvent; status: number };

/**
 * Signs the sandbox's events and POSTs them to the configured receiver, one at a time in the order they happened.
 * Started together, deliveries raced (signing and connecting take varying time), so a receiver could see
 * `workorder.completed` before `workorder.created`; a test asserting the order then failed under load.
 */
export class WebhookEmitter {
  /** Every delivery attempted, in the order the events happened. */
  readonly deliveries: WebhookDelivery[] = [];
  private target: WebhookTarget | undefined;
  private eventCount = 0;
  /** The last delivery queued; the next one starts when it has finished, whatever its outcome. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => Date) {}

  /** Signed webhooks for every change go to `target` from now on; `undefined` stops them. */
  configure(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  /** Queues an event for the receiver configured now; without one, the event is not recorded at all. */
  readonly emit: EmitEvent = (type, data) => {
    if (this.target === undefined) return;
    const createdAt = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const event = { id: `evt_sandbox_${++this.eventCount}`, type, createdAt, data } as WebhookEvent;
    const { url, secret } = this.target;
    this.queue = this.queue.then(() => this.deliver(event, url, secret));
  };

  /** Waits until every delivery queued so far, and any queued while waiting, has finished. */
  async flush(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.queue) {
      last = this.queue;
      await last;
    }
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
