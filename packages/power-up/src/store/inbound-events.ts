/**
 * Events in, as the store keeps them: the inbox (every host event, from a webhook or the poller, stored before it is
 * acknowledged and processed later), the cost lines completed work orders bring to their contracts' budgets, and the
 * objects the host deleted. The rules live in `events/`; this port stores their outcome.
 */

/** `received`: waiting (or waiting again) to be processed; `processed`: done; `dead`: gave up after every attempt. */
export type InboundEventState = 'received' | 'processed' | 'dead';

/** Where an event came from: a signed webhook, or the poller's reading of the host. */
type InboundEventSource = 'webhook' | 'poller';

export type NewInboundEvent = {
  /** The sender's id (the webhook's `id`, or the poller's deterministic one): unique per tenant. */
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  source: InboundEventSource;
};

export type InboundEvent = NewInboundEvent & {
  tenantId: string;
  state: InboundEventState;
  /** Processing attempts started so far. */
  attempts: number;
  receivedAt: string;
  /** When a `received` event may next be claimed (after a failed attempt: the back-off). */
  nextAttemptAt: string;
  lastError: string | null;
  processedAt: string | null;
};

/** How one processing attempt ended. */
export type InboundEventOutcome =
  | { state: 'processed'; at: string }
  | { state: 'received'; error: string; nextAttemptAt: string }
  | { state: 'dead'; error: string; at: string };

/** One tenant's inbox. */
export interface InboxRepository {
  /**
   * Stores the event unless one with its id is there already (`ON CONFLICT DO NOTHING`): `true` when this call stored
   * it, `false` for a duplicate (nothing changes). Due at once.
   */
  receive(event: NewInboundEvent, at: string): Promise<boolean>;
  /** Stores many in one statement; returns the ids this call stored (the others were there already). */
  receiveAll(events: readonly NewInboundEvent[], at: string): Promise<string[]>;
  get(eventId: string): Promise<InboundEvent | undefined>;
  /** Newest first; `state` narrows it (e.g. the dead letters). */
  list(options?: { state?: InboundEventState; limit?: number }): Promise<InboundEvent[]>;
  /**
   * Ends an attempt: only where the event is still `received` with `attempt` attempts (a compare-and-set: `false`
   * when another worker's lease took it over, and then nothing changes).
   */
  settle(eventId: string, attempt: number, outcome: InboundEventOutcome): Promise<boolean>;
  /** A dead event back to `received`, due at `at`, with its attempts reset; `false` when it was not dead. */
  revive(eventId: string, at: string): Promise<boolean>;
}

/**
 * The inbox across tenants, for the processor: claiming due events with `FOR UPDATE SKIP LOCKED`, so instances on one
 * PostgreSQL never take the same event, and a lease (the next attempt time moved on) so a crashed worker's event is
 * taken up again once the lease runs out.
 */
export interface InboundEventQueue {
  /**
   * Claims up to `limit` `received` events due at or before `now`, oldest due first: each gets `attempts + 1` and is
   * leased until `now + leaseMs`. The answer carries the attempt number each claim must settle with.
   */
  claim(options: { now: string; limit: number; leaseMs: number }): Promise<InboundEvent[]>;
  /** How many events are in each state, across tenants (for /metrics). */
  counts(): Promise<Record<InboundEventState, number>>;
}

/** Hours (minutes of an hour type) or a material used on a work order. */
type CostLineKind = 'hours' | 'material';

export type NewCostLine = {
  /** Stable per line of the host's work order: writing the same line again replaces it, never doubles it. */
  sourceLineId: string;
  kind: CostLineKind;
  /** Local date of the work (`YYYY-MM-DD`). */
  date: string;
  /** Minutes (hours), or the material's quantity, as exact decimal text (`'2.5'`). */
  quantity: string;
  hourTypeCode: string | null;
  materialCode: string | null;
  description: string;
  /** `min` for hours; the material's unit. */
  unit: string;
  /** Cents per hour (hours) or per unit (material). */
  unitPrice: { amount: number; currency: string };
  /** What the line costs, in cents: costed once, when it was recorded. */
  amount: { amount: number; currency: string };
};

export type CostLineRecord = NewCostLine & {
  contractId: string;
  workOrderNumber: string;
  hostRowId: number | null;
  recordedAt: string;
};

/** The actual costs of one tenant's contracts, from their work orders' hours and materials. */
export interface CostLineRepository {
  /**
   * Makes the work order's cost lines exactly `lines`, in one transaction: each is written by its source line id
   * (again: replaced), and lines of the work order no longer among them are removed. Returns how many it holds.
   */
  replaceForWorkOrder(
    workOrder: { contractId: string; workOrderNumber: string; hostRowId: number | null },
    lines: readonly NewCostLine[],
    at: string,
  ): Promise<number>;
  /** The contract's lines by date, then source line id. */
  forContract(contractId: string): Promise<CostLineRecord[]>;
}

/** The objects the host deleted: every contract link to one of them is flagged (the link itself stays). */
export interface DeletedObjectRepository {
  /** Records that the host deleted the object (again: keeps the first time); returns the contracts linked to it. */
  flag(objectCode: string, at: string): Promise<string[]>;
  /** The contract's linked objects that the host deleted, by code. */
  flaggedForContract(contractId: string): Promise<string[]>;
}
