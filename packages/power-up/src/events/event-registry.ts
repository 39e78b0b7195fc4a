import type { WebhookEvent, WebhookEventType } from '@contractbeheer/sdk/webhooks';
import type { EventContext } from './event-context.js';

/** The event of one type, narrowed: a handler for `workorder.status_changed` sees that event's `data`. */
type EventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

export type EventHandler<T extends WebhookEventType = WebhookEventType> = (
  event: EventOf<T>,
  context: EventContext,
) => Promise<void>;

/**
 * The one place that says what an event does: handlers register by event type (as Probot's `app.on(…)`), and the
 * processor runs every handler of an event's type with the tenant's context. The webhook receiver and the poller
 * never act on an event themselves; they only put it in the inbox. A handler may run more than once for one event
 * (a retry after a crash), so each must be safe to repeat.
 */
export class EventRegistry {
  private readonly handlers = new Map<WebhookEventType, EventHandler[]>();

  on<T extends WebhookEventType>(type: T, handler: EventHandler<T>): this {
    const list = this.handlers.get(type) ?? [];
    // Stored by type and only ever called with events of that type (see `handlersFor`).
    list.push(handler as unknown as EventHandler);
    this.handlers.set(type, list);
    return this;
  }

  /** The handlers of a type, in the order they registered; none: the event is processed by doing nothing. */
  handlersFor(type: WebhookEventType): readonly EventHandler[] {
    return this.handlers.get(type) ?? [];
  }
}
