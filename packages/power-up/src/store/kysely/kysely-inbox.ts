import { sql, type Kysely } from 'kysely';
import * as z from 'zod';
import type {
  InboundEvent,
  InboundEventOutcome,
  InboundEventQueue,
  InboundEventState,
  InboxRepository,
  NewInboundEvent,
} from '../inbound-events.js';
import type { Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { pageSize } from './paging.js';
import { instant } from './rows.js';
import type { Scope } from './scope.js';

const STATES = ['received', 'processed', 'dead'] as const;

const inboundEventRowSchema = z
  .object({
    tenant_id: z.string(),
    event_id: z.string(),
    type: z.string(),
    payload: z.record(z.string(), z.unknown()),
    source: z.enum(['webhook', 'poller']),
    received_at: instant,
    state: z.enum(STATES),
    attempts: z.number().int(),
    next_attempt_at: instant,
    last_error: z.string().nullable(),
    processed_at: instant.nullable(),
  })
  .transform((row): InboundEvent => ({
    tenantId: row.tenant_id,
    eventId: row.event_id,
    type: row.type,
    payload: row.payload,
    source: row.source,
    state: row.state,
    attempts: row.attempts,
    receivedAt: row.received_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    processedAt: row.processed_at,
  }));

const toEvent = (row: unknown) => inboundEventRowSchema.parse(row);

/** An error text as stored: long stacks or host answers are cut, so one bad event cannot bloat the table. */
const MAX_ERROR_LENGTH = 2_000;
const clipped = (error: string) => (error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH)}…` : error);

function rowsOf(tenantId: string, events: readonly NewInboundEvent[], at: string) {
  return events.map((event) => ({
    tenant_id: tenantId,
    event_id: event.eventId,
    type: event.type,
    payload: JSON.stringify(event.payload),
    source: event.source,
    received_at: at,
    next_attempt_at: at,
  }));
}

export class KyselyInbox implements InboxRepository {
  constructor(private readonly scope: Scope) {}

  async receive(event: NewInboundEvent, at: string): Promise<boolean> {
    return (await this.receiveAll([event], at)).length === 1;
  }

  async receiveAll(events: readonly NewInboundEvent[], at: string): Promise<string[]> {
    if (events.length === 0) return [];
    const { tenantId, db } = this.scope;
    const stored = await forKnownTenant(tenantId, () =>
      db
        .insertInto('inbound_events')
        .values(rowsOf(tenantId, events, at))
        .onConflict((conflict) => conflict.columns(['tenant_id', 'event_id']).doNothing())
        .returning('event_id')
        .execute(),
    );
    return stored.map((row) => row.event_id);
  }

  async get(eventId: string): Promise<InboundEvent | undefined> {
    const row = await this.scope.db
      .selectFrom('inbound_events')
      .selectAll()
      .where('tenant_id', '=', this.scope.tenantId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return row === undefined ? undefined : toEvent(row);
  }

  async list(options: { state?: InboundEventState; limit?: number } = {}): Promise<InboundEvent[]> {
    let query = this.scope.db.selectFrom('inbound_events').selectAll().where('tenant_id', '=', this.scope.tenantId);
    if (options.state !== undefined) query = query.where('state', '=', options.state);
    const rows = await query
      .orderBy('received_at', 'desc')
      .orderBy('event_id', 'desc')
      .limit(pageSize(options.limit))
      .execute();
    return rows.map(toEvent);
  }

  async settle(eventId: string, attempt: number, outcome: InboundEventOutcome): Promise<boolean> {
    const changes =
      outcome.state === 'processed'
        ? { state: 'processed', processed_at: outcome.at, last_error: null }
        : outcome.state === 'received'
          ? { state: 'received', next_attempt_at: outcome.nextAttemptAt, last_error: clipped(outcome.error) }
          : { state: 'dead', processed_at: outcome.at, last_error: clipped(outcome.error) };
    const updated = await this.scope.db
      .updateTable('inbound_events')
      .set(changes)
      .where('tenant_id', '=', this.scope.tenantId)
      .where('event_id', '=', eventId)
      .where('state', '=', 'received')
      .where('attempts', '=', attempt)
      .returning('event_id')
      .executeTakeFirst();
    return updated !== undefined;
  }

  async revive(eventId: string, at: string): Promise<boolean> {
    const updated = await this.scope.db
      .updateTable('inbound_events')
      .set({ state: 'received', attempts: 0, next_attempt_at: at, processed_at: null })
      .where('tenant_id', '=', this.scope.tenantId)
      .where('event_id', '=', eventId)
      .where('state', '=', 'dead')
      .returning('event_id')
      .executeTakeFirst();
    return updated !== undefined;
  }
}

/** The inbox across tenants: the processor's side. */
export class KyselyInboundEventQueue implements InboundEventQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(options: { now: string; limit: number; leaseMs: number }): Promise<InboundEvent[]> {
    const leaseUntil = new Date(Date.parse(options.now) + options.leaseMs).toISOString();
    // One statement: lock the due rows no other worker holds (SKIP LOCKED), then lease them. A row another worker
    // is claiming at this moment is skipped rather than waited for, so workers never queue behind each other.
    const rows = await this.db
      .with('due', (qb) =>
        qb
          .selectFrom('inbound_events')
          .select(['tenant_id', 'event_id'])
          .where('state', '=', 'received')
          .where('next_attempt_at', '<=', sql<Date>`${options.now}::timestamptz`)
          .orderBy('next_attempt_at')
          .limit(options.limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('inbound_events')
      .from('due')
      .set({ attempts: sql`inbound_events.attempts + 1`, next_attempt_at: leaseUntil })
      .whereRef('inbound_events.tenant_id', '=', 'due.tenant_id')
      .whereRef('inbound_events.event_id', '=', 'due.event_id')
      .returningAll('inbound_events')
      .execute();
    return rows.map(toEvent).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }

  async counts(): Promise<Record<InboundEventState, number>> {
    const rows = await this.db
      .selectFrom('inbound_events')
      .select(['state', sql<string>`count(*)`.as('count')])
      .groupBy('state')
      .execute();
    const counts: Record<InboundEventState, number> = { received: 0, processed: 0, dead: 0 };
    for (const row of rows) counts[row.state as InboundEventState] = Number(row.count);
    return counts;
  }
}
