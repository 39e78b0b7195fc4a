import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Dates (`date`) come back as `'YYYY-MM-DD'` text and instants (`timestamptz`) as
 * `Date` (both adapters set the same parsers); rows are checked with zod in `rows.ts` before they leave the store.
 */
type Instant = ColumnType<Date, string, string>;
type Json = ColumnType<unknown, string, string>;

interface TenantsTable {
  id: string;
  name: string;
  settings: Json;
  created_at: Instant;
  status: ColumnType<'installed' | 'uninstalled', 'installed' | 'uninstalled' | undefined, 'installed' | 'uninstalled'>;
  host_base_url: ColumnType<string | null, string | null | undefined, string | null>;
  uninstalled_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

interface TenantCredentialsTable {
  tenant_id: string;
  key_id: string;
  iv: string;
  auth_tag: string;
  ciphertext: string;
  updated_at: Instant;
}

interface MarketplaceRequestsTable {
  request_id: string;
  received_at: Instant;
}

export interface ContractsTable {
  tenant_id: string;
  id: string;
  version: number;
  document: Json;
  // Columns copied out of the document for filters and indexes; the document stays the source of truth.
  type: string;
  debtor_number: string;
  terms_code: string | null;
  sla_policy_code: string | null;
  start_date: string;
  end_date: string | null;
  termination_date: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

interface ContractVersionsTable {
  tenant_id: string;
  contract_id: string;
  version: number;
  document: Json;
  effective_from: Instant;
  recorded_by: string;
}

interface ObjectLinksTable {
  tenant_id: string;
  contract_id: string;
  object_code: string;
}

interface SettingsTable {
  tenant_id: string;
  code: string;
  document: Json;
  updated_at: Instant;
}

interface CancellationReasonsTable {
  tenant_id: string;
  code: string;
  label: string;
  archived: boolean;
  updated_at: Instant;
}

interface TerminationsTable {
  tenant_id: string;
  contract_id: string;
  date: string;
  reason_code: string | null;
  reason_label: string | null;
  remark: string | null;
  lost_value_cents: ColumnType<string | number | bigint, number, number>;
  currency: string;
  recorded_at: Instant;
  recorded_by: string;
}

interface ApiKeysTable {
  tenant_id: string;
  id: string;
  name: string;
  hint: string;
  key_hash: string;
  created_at: Instant;
  revoked_at: ColumnType<Date | null, string | null, string | null>;
}

interface AuditEntriesTable {
  id: Generated<ColumnType<string | number | bigint, never, never>>;
  tenant_id: string;
  at: Instant;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  details: Json;
}

interface GenerationLedgerTable {
  tenant_id: string;
  key: string;
  contract_id: string;
  state: 'pending' | 'created' | 'skipped' | 'failed';
  work_order_number: string;
  attempts: ColumnType<number, number | undefined, number>;
  last_attempt_at: ColumnType<Date | null, string | null | undefined, string | null>;
  skip_reason: string | null;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  plan: ColumnType<unknown, string | null, string | null>;
  host_id: ColumnType<string | null, string | null | undefined, string | null>;
  target_date: string;
  creation_date: string | null;
  late: boolean;
  host_status: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_on_host_at: ColumnType<Date | null, string | null | undefined, string | null>;
  recorded_at: Instant;
  updated_at: Instant;
}

interface DueIndexTable {
  tenant_id: string;
  contract_id: string;
  due_at: ColumnType<Date | null, string | null, string | null>;
  lease_until: ColumnType<Date | null, string | null | undefined, string | null>;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  revision: ColumnType<number, number | undefined, number>;
}

export interface Database {
  tenants: TenantsTable;
  contracts: ContractsTable;
  contract_versions: ContractVersionsTable;
  object_links: ObjectLinksTable;
  contract_terms: SettingsTable;
  sla_policies: SettingsTable;
  cancellation_reasons: CancellationReasonsTable;
  terminations: TerminationsTable;
  api_keys: ApiKeysTable;
  audit_entries: AuditEntriesTable;
  tenant_credentials: TenantCredentialsTable;
  marketplace_requests: MarketplaceRequestsTable;
  generation_ledger: GenerationLedgerTable;
  due_index: DueIndexTable;
}
