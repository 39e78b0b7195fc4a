import { webhookEventSchema } from '@contractbeheer/sdk/webhooks';
import type { Logger } from 'pino';
import type { InboundEvent } from '../store/inbound-events.js';
import type { Store } from '../store/store.js';
import type { EventContexts } from './event-context.js';
import type { EventRegistry } from './event-registry.js';

export type EventProcessorOptions = {
  store: Store;
  registry: EventRegistry;
  contexts: EventContexts;
  log: Logger;
  now: () => Date;
  /** Attempts before an event is given up on (`dead`); default 8. */
  maxAttempts?: number;
  /** Wait before attempt `n + 1` after attempt `n` failed, in ms; default 5 s doubling, at most an hour. */
  backoffMs?: (attempt: number) => number;
  /** How long a claimed event is held before another worker may take it (a crashed worker's); default 5 min. */
  leaseMs?: number;
  /** Events claimed per pass; default 50. */
  batchSize?: number;
};

export type PassResult = { processed: number; retried: number; dead: number };

export type EventProcessor = {
  /** Claims what is due and processes it, one pass; resolves with what became of the events it claimed. */
  processDue(): Promise<PassResult>;
  /** Passes every `intervalMs` until {@link EventProcessor.stop}; a pass that found work is followed at once. */
  start(intervalMs: number): void;
  /** Stops the passes and waits for the one running. */
  stop(): Promise<void>;
};

const DEFAULT_MAX_ATTEMPTS = 8;
const HOUR_MS = 3_600_000;
const defaultBackoff = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), HOUR_MS);

/** The error as one line for the inbox row: the message of each handler that failed (Probot aggregates them too). */
function describe(errors: unknown[]): string {
  return errors.map((error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))).join('; ');
}

/**
 * Works the inbox off asynchronously: claims due events (across tenants, `FOR UPDATE SKIP LOCKED`, so several
 * instances share the work), runs every handler of the event's type with the tenant's context, and settles each
 * event: `processed`, or back to `received` after a growing wait, or `dead` after the last attempt. The dead ones
 * stay visible (`GET /api/v1/events?state=dead`, the `contractbeheer_inbound_events` metric) and can be retried.
 */
export function createEventProcessor(options: EventProcessorOptions): EventProcessor {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 50;
  const { store, log } = options;

  async function run(event: InboundEvent): Promise<unknown[]> {
    const parsed = webhookEventSchema.safeParse(event.payload);
    if (!parsed.success)
      return [new Error(`the stored event is not a valid ${event.type} event: it cannot be processed`)];
    const handlers = options.registry.handlersFor(parsed.data.type);
    if (handlers.length === 0) return [];
    const context = await options.contexts.contextFor(event.tenantId, { ...event, attempt: event.attempts });
    const errors: unknown[] = [];
    // One after the other, each whatever the others did: a handler's failure must not hide another's work or error.
    for (const handler of handlers) {
      try {
        await handler(parsed.data, context);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  async function settle(event: InboundEvent, result: PassResult): Promise<void> {
    let errors: unknown[];
    try {
      errors = await run(event);
    } catch (error) {
      errors = [error];
    }
    const at = options.now();
    const inbox = store.forTenant(event.tenantId).inbox;
    const line = { tenantId: event.tenantId, eventId: event.eventId, type: event.type, attempt: event.attempts };
    if (errors.length === 0) {
      if (await inbox.settle(event.eventId, event.attempts, { state: 'processed', at: at.toISOString() })) {
        result.processed += 1;
      }
      return;
    }
    const error = describe(errors);
    if (event.attempts >= maxAttempts) {
      log.error({ ...line, error }, 'event given up on after its last attempt: it is dead-lettered');
      if (await inbox.settle(event.eventId, event.attempts, { state: 'dead', error, at: at.toISOString() })) {
        result.dead += 1;
      }
      return;
    }
    const nextAttemptAt = new Date(at.getTime() + backoffMs(event.attempts)).toISOString();
    log.warn({ ...line, error, nextAttemptAt }, 'event failed: it will be tried again');
    if (await inbox.settle(event.eventId, event.attempts, { state: 'received', error, nextAttemptAt })) {
      result.retried += 1;
    }
  }

  async function processDue(): Promise<PassResult> {
    const result: PassResult = { processed: 0, retried: 0, dead: 0 };
    const claimed = await store.inboundEvents.claim({
      now: options.now().toISOString(),
      limit: batchSize,
      leaseMs,
    });
    // In the order received, one at a time: a work order's status changes apply in the order they happened.
    for (const event of claimed) await settle(event, result);
    return result;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  function schedule(delayMs: number, intervalMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = processDue().then(
        (result) => schedule(result.processed + result.retried + result.dead > 0 ? 0 : intervalMs, intervalMs),
        (error: unknown) => {
          log.error({ err: error }, 'the event processor could not claim events: it tries again');
          schedule(intervalMs, intervalMs);
        },
      );
    }, delayMs);
    timer.unref();
  }

  return {
    processDue,
    start(intervalMs) {
      if (!stopped) return;
      stopped = false;
      schedule(0, intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
