import type { Kysely } from 'kysely';
import type { TenantStore } from '../store.js';
import type { Database } from './database.js';
import { KyselyApiKeys } from './kysely-api-keys.js';
import { KyselyAuditTrail } from './kysely-audit-trail.js';
import { KyselyCancellationReasons } from './kysely-cancellation-reasons.js';
import { KyselyCredentials } from './kysely-credentials.js';
import { KyselyGenerationLedger } from './kysely-generation-ledger.js';
import { KyselyContracts, KyselyObjectLinks } from './kysely-contracts.js';
import { KyselySettings, SLA_POLICIES, TERMS } from './kysely-settings.js';
import { KyselyTenantSettings } from './kysely-tenant-settings.js';
import { KyselyTerminations } from './kysely-terminations.js';
import { atomically, type Scope } from './scope.js';

/** One tenant's view of the store: the tenant id is fixed here, once, and every repository filters by it. */
export class KyselyTenantStore implements TenantStore {
  readonly settings;
  readonly contracts;
  readonly objectLinks;
  readonly terms;
  readonly slaPolicies;
  readonly cancellationReasons;
  readonly terminations;
  readonly apiKeys;
  readonly credentials;
  readonly audit;
  readonly ledger;

  constructor(
    private readonly db: Kysely<Database>,
    readonly tenantId: string,
  ) {
    const scope: Scope = { db, tenantId };
    this.settings = new KyselyTenantSettings(scope);
    this.contracts = new KyselyContracts(scope);
    this.objectLinks = new KyselyObjectLinks(scope);
    this.terms = new KyselySettings(scope, TERMS);
    this.slaPolicies = new KyselySettings(scope, SLA_POLICIES);
    this.cancellationReasons = new KyselyCancellationReasons(scope);
    this.terminations = new KyselyTerminations(scope);
    this.apiKeys = new KyselyApiKeys(scope);
    this.credentials = new KyselyCredentials(scope);
    this.audit = new KyselyAuditTrail(scope);
    this.ledger = new KyselyGenerationLedger(scope);
  }

  async transaction<T>(fn: (tx: TenantStore) => Promise<T>): Promise<T> {
    return atomically(this.db, (trx) => fn(trx === this.db ? this : new KyselyTenantStore(trx, this.tenantId)));
  }
}
