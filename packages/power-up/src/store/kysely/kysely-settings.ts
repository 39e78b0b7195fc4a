import { parseContractTerms, slaPolicySchema, type ContractTerms, type SlaPolicy } from '@contractbeheer/core';
import type { Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import type { AuditEntityType, ChangeMeta, SettingsRepository } from '../store.js';
import type { Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { lockForDeletion } from './settings-locks.js';
import { appendAudit } from './kysely-audit-trail.js';
import { atomically, type Scope } from './scope.js';

/** How one kind of code-keyed setting is kept: its table, its checker, and the contract column that refers to it. */
type SettingsKind<T> = {
  table: 'contract_terms' | 'sla_policies';
  usedBy: 'terms_code' | 'sla_policy_code';
  entity: AuditEntityType;
  /** In messages: "contract terms 'JAAR'". */
  noun: string;
  parse: (document: unknown) => T;
};

export const TERMS: SettingsKind<ContractTerms> = {
  table: 'contract_terms',
  usedBy: 'terms_code',
  entity: 'terms',
  noun: 'contract terms',
  parse: parseContractTerms,
};

export const SLA_POLICIES: SettingsKind<SlaPolicy> = {
  table: 'sla_policies',
  usedBy: 'sla_policy_code',
  entity: 'sla-policy',
  noun: 'SLA policy',
  parse: (document) => slaPolicySchema.parse(document),
};

export class KyselySettings<T extends { code: string }> implements SettingsRepository<T> {
  constructor(
    private readonly scope: Scope,
    private readonly kind: SettingsKind<T>,
  ) {}

  async list(): Promise<T[]> {
    const rows = await this.scope.db
      .selectFrom(this.kind.table)
      .select('document')
      .where('tenant_id', '=', this.scope.tenantId)
      .orderBy('code')
      .execute();
    return rows.map((row) => this.kind.parse(row.document));
  }

  async get(code: string): Promise<T | undefined> {
    const row = await this.scope.db
      .selectFrom(this.kind.table)
      .select('document')
      .where('tenant_id', '=', this.scope.tenantId)
      .where('code', '=', code)
      .executeTakeFirst();
    return row === undefined ? undefined : this.kind.parse(row.document);
  }

  async put(value: T, meta: ChangeMeta): Promise<T> {
    const checked = this.kind.parse(value);
    const { tenantId } = this.scope;
    return atomically(this.scope.db, async (db) => {
      const document = JSON.stringify(checked);
      await forKnownTenant(tenantId, () =>
        db
          .insertInto(this.kind.table)
          .values({ tenant_id: tenantId, code: checked.code, document, updated_at: meta.at })
          .onConflict((conflict) =>
            conflict.columns(['tenant_id', 'code']).doUpdateSet({ document, updated_at: meta.at }),
          )
          .execute(),
      );
      await appendAudit(db, tenantId, {
        ...meta,
        action: `${this.kind.entity}.put`,
        entity: { type: this.kind.entity, id: checked.code },
      });
      return checked;
    });
  }

  async delete(code: string, meta: ChangeMeta): Promise<void> {
    return atomically(this.scope.db, async (db) => {
      if (!(await lockForDeletion(db, this.kind.table, this.scope.tenantId, code))) throw this.notFound(code);
      const used = await this.countUses(db, code);
      if (used > 0) {
        throw new PowerUpError(
          'in-use',
          `${this.kind.noun} '${code}' is used by ${used} contract(s): move them to other ${this.kind.noun} first.`,
          { path: ['code'] },
        );
      }
      await db
        .deleteFrom(this.kind.table)
        .where('tenant_id', '=', this.scope.tenantId)
        .where('code', '=', code)
        .execute();
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: `${this.kind.entity}.deleted`,
        entity: { type: this.kind.entity, id: code },
      });
    });
  }

  private notFound(code: string): PowerUpError {
    return new PowerUpError('not-found', `there are no ${this.kind.noun} '${code}': check the code.`, {
      path: ['code'],
    });
  }

  async usageCount(code: string): Promise<number> {
    return this.countUses(this.scope.db, code);
  }

  // Takes the connection to use: inside a transaction the count must come from the transaction itself.
  private async countUses(db: Kysely<Database>, code: string): Promise<number> {
    const row = await db
      .selectFrom('contracts')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('tenant_id', '=', this.scope.tenantId)
      .where(this.kind.usedBy, '=', code)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
