import type { ColumnType } from 'kysely';

/** The tables of migration 004 (events in), as Kysely sees them; see `database.ts` for the conventions. */
type Instant = ColumnType<Date, string, string>;
type Json = ColumnType<unknown, string, string>;
type Cents = ColumnType<string | number | bigint, number, number>;

export interface InboundEventsTable {
  tenant_id: string;
  event_id: string;
  type: string;
  payload: Json;
  source: string;
  received_at: Instant;
  state: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Instant;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  processed_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface CostLinesTable {
  tenant_id: string;
  source_line_id: string;
  contract_id: string;
  work_order_number: string;
  host_row_id: ColumnType<string | number | bigint | null, number | null, number | null>;
  kind: string;
  date: string;
  quantity: string;
  hour_type_code: string | null;
  material_code: string | null;
  description: string;
  unit: string;
  unit_price_cents: Cents;
  amount_cents: Cents;
  currency: string;
  recorded_at: Instant;
}

export interface DeletedObjectsTable {
  tenant_id: string;
  object_code: string;
  deleted_at: Instant;
}
