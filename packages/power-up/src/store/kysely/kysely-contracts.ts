import { parseContract, type Contract } from '@contractbeheer/core';
import { sql, type Insertable, type Kysely } from 'kysely';
import * as z from 'zod';
import { PowerUpError, VersionConflictError } from '../../power-up-error.js';
import type {
  ChangeMeta,
  ContractRepository,
  ContractVersion,
  ListContractsOptions,
  ObjectLinkRepository,
  Page,
  StoredContract,
} from '../store.js';
import type { ContractsTable, Database } from './database.js';
import { forKnownTenant } from './database-errors.js';
import { markContractDue } from './kysely-due-index.js';
import { holdReference } from './settings-locks.js';
import { appendAudit } from './kysely-audit-trail.js';
import { decodeCursor, encodeCursor, pageSize } from './paging.js';
import { instant } from './rows.js';
import { atomically, type Scope } from './scope.js';
import { readStoredContract, storedContractOf } from './stored-contracts.js';

const versionRowSchema = z.object({
  contract_id: z.string(),
  version: z.number().int(),
  document: z.string(),
  effective_from: instant,
  recorded_by: z.string(),
});

/** The document as JSON text: the key under which its parsed form is remembered (see `stored-contracts.ts`). */
const documentText = sql<string>`document::text`.as('document');

const writtenRowSchema = z.object({ created_at: instant, updated_at: instant });

/** A contract just written: the parsed contract itself (no need to read its document back and parse it again). */
function writtenAs(contract: Contract, row: unknown): StoredContract {
  const { created_at, updated_at } = writtenRowSchema.parse(row);
  return { contract, createdAt: created_at, updatedAt: updated_at };
}

/** Contracts per statement in `createMany`: well below PostgreSQL's 65,535 parameters per statement. */
const CREATE_MANY_BATCH = 1_000;

/** The columns copied out of the document, so filters use indexes instead of digging in JSON. */
function indexedColumns(contract: Contract) {
  return {
    type: contract.type,
    debtor_number: contract.debtorNumber,
    terms_code: contract.termsCode ?? null,
    sla_policy_code: contract.slaPolicyCode ?? null,
    start_date: contract.startDate,
    end_date: contract.endDate ?? null,
    termination_date: contract.termination?.date ?? null,
    search_text: [contract.id, contract.debtorNumber, contract.workOrder.description].join('\n').toLowerCase(),
  };
}

/** `text` as a LIKE pattern that matches it literally anywhere. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export class KyselyContracts implements ContractRepository {
  constructor(private readonly scope: Scope) {}

  /**
   * One statement writes the contract, its first version, its object links and the audit entry (data-modifying
   * CTEs): one round trip instead of one per table, and all or nothing like any statement. A contract that refers to
   * terms or an SLA policy is written in a transaction that first holds those (see `settings-locks.ts`); one that
   * refers to none needs no transaction around its one statement.
   */
  async create(contract: Contract, meta: ChangeMeta): Promise<StoredContract> {
    const checked = parseContract(contract);
    const inserted =
      checked.termsCode === undefined && checked.slaPolicyCode === undefined
        ? await this.insertWhole(this.scope.db, checked, meta)
        : await atomically(this.scope.db, async (db) => {
            await this.holdSettings(db, checked);
            return this.insertWhole(db, checked, meta);
          });
    if (inserted === undefined) {
      throw new PowerUpError(
        'already-exists',
        `a contract '${checked.id}' already exists: choose another id, or edit that one.`,
        {
          path: ['id'],
        },
      );
    }
    return writtenAs(checked, inserted);
  }

  /**
   * Many new contracts in one transaction, a few statements per batch of rows instead of one per contract: the
   * contracts, their first versions, object links, due-index entries (due at once) and audit entries. All or nothing: one id already taken (or given
   * twice) refuses the whole call with `already-exists` naming it.
   */
  async createMany(contracts: readonly Contract[], meta: ChangeMeta): Promise<number> {
    const checked = contracts.map((contract) => parseContract(contract));
    const { tenantId } = this.scope;
    await atomically(this.scope.db, async (db) => {
      for (const code of new Set(checked.flatMap((c) => (c.termsCode === undefined ? [] : [c.termsCode])))) {
        await holdReference(db, 'contract_terms', tenantId, code);
      }
      for (const code of new Set(checked.flatMap((c) => (c.slaPolicyCode === undefined ? [] : [c.slaPolicyCode])))) {
        await holdReference(db, 'sla_policies', tenantId, code);
      }
      for (let from = 0; from < checked.length; from += CREATE_MANY_BATCH) {
        await this.insertBatch(db, checked.slice(from, from + CREATE_MANY_BATCH), meta);
      }
    });
    return checked.length;
  }

  private async insertBatch(db: Kysely<Database>, batch: readonly Contract[], meta: ChangeMeta): Promise<void> {
    const { tenantId } = this.scope;
    const inserted = await forKnownTenant(tenantId, () =>
      db
        .insertInto('contracts')
        .values(
          batch.map((contract) => ({
            tenant_id: tenantId,
            id: contract.id,
            version: contract.version,
            document: JSON.stringify(contract),
            ...indexedColumns(contract),
            created_at: meta.at,
            updated_at: meta.at,
          })),
        )
        .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doNothing())
        .returning('id')
        .execute(),
    );
    if (inserted.length < batch.length) {
      const written = new Set(inserted.map((row) => row.id));
      const taken = batch.find((contract) => !written.delete(contract.id))?.id;
      throw new PowerUpError(
        'already-exists',
        `a contract '${taken}' already exists (or is given twice): nothing was created; choose other ids.`,
        { path: ['id'] },
      );
    }
    await db
      .insertInto('contract_versions')
      .values(
        batch.map((contract) => ({
          tenant_id: tenantId,
          contract_id: contract.id,
          version: contract.version,
          document: JSON.stringify(contract),
          effective_from: meta.at,
          recorded_by: meta.actor,
        })),
      )
      .execute();
    const links = batch.flatMap((contract) =>
      contract.objectCodes.map((objectCode) => ({
        tenant_id: tenantId,
        contract_id: contract.id,
        object_code: objectCode,
      })),
    );
    if (links.length > 0) await db.insertInto('object_links').values(links).execute();
    // Due at once, as `create` makes a new contract: the generator plans each on its next tick.
    await db
      .insertInto('due_index')
      .values(batch.map((contract) => ({ tenant_id: tenantId, contract_id: contract.id, due_at: meta.at })))
      .execute();
    await db
      .insertInto('audit_entries')
      .values(
        batch.map((contract) => ({
          tenant_id: tenantId,
          at: meta.at,
          actor: meta.actor,
          action: 'contract.created',
          entity_type: 'contract',
          entity_id: contract.id,
          details: JSON.stringify({ version: contract.version }),
        })),
      )
      .execute();
  }

  /** The statement `create` runs; no row when the id is taken (and then nothing was written). */
  private async insertWhole(db: Kysely<Database>, checked: Contract, meta: ChangeMeta) {
    const { tenantId } = this.scope;
    const row: Insertable<ContractsTable> = {
      tenant_id: tenantId,
      id: checked.id,
      version: checked.version,
      document: JSON.stringify(checked),
      ...indexedColumns(checked),
      created_at: meta.at,
      updated_at: meta.at,
    };
    const at = sql<Date>`${meta.at}::timestamptz`;
    const actor = sql<string>`${meta.actor}::text`;
    return forKnownTenant(tenantId, () =>
      db
        .with('inserted', (qb) =>
          qb
            .insertInto('contracts')
            .values(row)
            .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doNothing())
            .returning(['tenant_id', 'id', 'version', 'document', 'created_at', 'updated_at']),
        )
        .with('version', (qb) =>
          qb
            .insertInto('contract_versions')
            .columns(['tenant_id', 'contract_id', 'version', 'document', 'effective_from', 'recorded_by'])
            .expression((eb) =>
              eb
                .selectFrom('inserted')
                .select(['tenant_id', 'id', 'version', 'document', at.as('effective_from'), actor.as('recorded_by')]),
            ),
        )
        .with('links', (qb) =>
          qb
            .insertInto('object_links')
            .columns(['tenant_id', 'contract_id', 'object_code'])
            .expression((eb) =>
              eb
                .selectFrom([
                  'inserted',
                  // A function of a plain type, aliased: its one column takes the alias as its name.
                  sql<{ code: string }>`jsonb_array_elements_text(${JSON.stringify(checked.objectCodes)}::jsonb)`.as(
                    'code',
                  ),
                ])
                .select(['tenant_id', 'id', sql<string>`code`.as('object_code')]),
            ),
        )
        .with('due', (qb) =>
          qb
            .insertInto('due_index')
            .columns(['tenant_id', 'contract_id', 'due_at'])
            .expression((eb) => eb.selectFrom('inserted').select(['tenant_id', 'id', at.as('due_at')])),
        )
        .with('audit', (qb) =>
          qb
            .insertInto('audit_entries')
            .columns(['tenant_id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'details'])
            .expression((eb) =>
              eb
                .selectFrom('inserted')
                .select([
                  'tenant_id',
                  at.as('at'),
                  actor.as('actor'),
                  sql<string>`${'contract.created'}::text`.as('action'),
                  sql<string>`${'contract'}::text`.as('entity_type'),
                  'id',
                  sql<string>`${JSON.stringify({ version: checked.version })}::jsonb`.as('details'),
                ]),
            ),
        )
        .selectFrom('inserted')
        .select(['created_at', 'updated_at'])
        .executeTakeFirst(),
    );
  }

  async get(contractId: string): Promise<StoredContract | undefined> {
    const row = await this.scope.db
      .selectFrom('contracts')
      .select([documentText, 'created_at', 'updated_at'])
      .where('tenant_id', '=', this.scope.tenantId)
      .where('id', '=', contractId)
      .executeTakeFirst();
    return row === undefined ? undefined : storedContractOf(row);
  }

  async list(options: ListContractsOptions = {}): Promise<Page<StoredContract>> {
    const limit = pageSize(options.limit);
    const after = decodeCursor(options.cursor);
    const filters = options.filters ?? {};
    const { tenantId } = this.scope;
    let query = this.scope.db
      .selectFrom('contracts')
      .select(['id', documentText, 'created_at', 'updated_at'])
      .where('tenant_id', '=', tenantId);
    if (filters.debtorNumber !== undefined) query = query.where('debtor_number', '=', filters.debtorNumber);
    if (filters.type !== undefined) query = query.where('type', '=', filters.type);
    if (filters.termsCode !== undefined) query = query.where('terms_code', '=', filters.termsCode);
    if (filters.slaPolicyCode !== undefined) query = query.where('sla_policy_code', '=', filters.slaPolicyCode);
    if (filters.text !== undefined && filters.text !== '')
      query = query.where('search_text', 'like', containsPattern(filters.text));
    if (filters.terminated !== undefined) {
      query = query.where('termination_date', filters.terminated ? 'is not' : 'is', null);
    }
    if (filters.startDate?.from !== undefined) query = query.where('start_date', '>=', filters.startDate.from);
    if (filters.startDate?.to !== undefined) query = query.where('start_date', '<=', filters.startDate.to);
    if (filters.objectCode !== undefined) {
      const objectCode = filters.objectCode;
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('object_links')
          .select('contract_id')
          .where('object_links.tenant_id', '=', tenantId)
          .where('object_code', '=', objectCode),
      );
    }
    // Keyset pagination on the id: rows added or removed elsewhere never shift a page, unlike an offset.
    if (after !== undefined) query = query.where('id', '>', after);
    const rows = await query
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map(storedContractOf),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
    };
  }

  async update(contract: Contract, options: { expectedVersion: number } & ChangeMeta): Promise<StoredContract> {
    const { expectedVersion, ...meta } = options;
    const next = parseContract({ ...contract, version: expectedVersion + 1 });
    return atomically(this.scope.db, async (db) => {
      await this.holdSettings(db, next);
      const updated = await db
        .updateTable('contracts')
        .set({ version: next.version, document: JSON.stringify(next), ...indexedColumns(next), updated_at: meta.at })
        .where('tenant_id', '=', this.scope.tenantId)
        .where('id', '=', next.id)
        .where('version', '=', expectedVersion)
        .returning(['created_at', 'updated_at'])
        .executeTakeFirst();
      if (updated === undefined) await this.explainMiss(db, next.id, expectedVersion);
      await this.recordVersion(db, next, meta);
      await this.replaceLinks(db, next);
      // Due at once: the generator plans the edited contract on its next tick (a termination is saved this way too).
      await markContractDue(db, this.scope.tenantId, next.id, meta.at);
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: 'contract.updated',
        entity: { type: 'contract', id: next.id },
        details: { version: next.version },
      });
      return writtenAs(next, updated);
    });
  }

  async delete(contractId: string, options: { expectedVersion: number } & ChangeMeta): Promise<void> {
    const { expectedVersion, ...meta } = options;
    return atomically(this.scope.db, async (db) => {
      const deleted = await db
        .deleteFrom('contracts')
        .where('tenant_id', '=', this.scope.tenantId)
        .where('id', '=', contractId)
        .where('version', '=', expectedVersion)
        .returning('id')
        .executeTakeFirst();
      if (deleted === undefined) await this.explainMiss(db, contractId, expectedVersion);
      await appendAudit(db, this.scope.tenantId, {
        ...meta,
        action: 'contract.deleted',
        entity: { type: 'contract', id: contractId },
        details: { version: expectedVersion },
      });
    });
  }

  async versions(contractId: string): Promise<ContractVersion[]> {
    const rows = await this.scope.db
      .selectFrom('contract_versions')
      .select(['contract_id', 'version', documentText, 'effective_from', 'recorded_by'])
      .where('tenant_id', '=', this.scope.tenantId)
      .where('contract_id', '=', contractId)
      .orderBy('version')
      .execute();
    return rows.map((raw) => {
      const row = versionRowSchema.parse(raw);
      return {
        contractId: row.contract_id,
        version: row.version,
        contract: readStoredContract(row.document),
        effectiveFrom: row.effective_from,
        recordedBy: row.recorded_by,
      };
    });
  }

  async versionsOfMany(contractIds: readonly string[]): Promise<Map<string, ContractVersion[]>> {
    const byContract = new Map<string, ContractVersion[]>();
    if (contractIds.length === 0) return byContract;
    const rows = await this.scope.db
      .selectFrom('contract_versions')
      .select(['contract_id', 'version', documentText, 'effective_from', 'recorded_by'])
      .where('tenant_id', '=', this.scope.tenantId)
      // One array parameter: the statement text stays the same whatever the number of ids (so it is prepared once).
      .where('contract_id', '=', sql<string>`any(${[...contractIds]}::text[])`)
      .orderBy('contract_id')
      .orderBy('version')
      .execute();
    for (const raw of rows) {
      const row = versionRowSchema.parse(raw);
      const versions = byContract.get(row.contract_id) ?? [];
      versions.push({
        contractId: row.contract_id,
        version: row.version,
        contract: readStoredContract(row.document),
        effectiveFrom: row.effective_from,
        recordedBy: row.recorded_by,
      });
      byContract.set(row.contract_id, versions);
    }
    return byContract;
  }

  /** A guarded write matched no row: say whether the contract is gone or was changed meanwhile. */
  private async explainMiss(db: Kysely<Database>, contractId: string, expectedVersion: number): Promise<never> {
    const current = await db
      .selectFrom('contracts')
      .select('version')
      .where('tenant_id', '=', this.scope.tenantId)
      .where('id', '=', contractId)
      .executeTakeFirst();
    if (current === undefined) {
      throw new PowerUpError('not-found', `there is no contract '${contractId}': check the id, or reload the list.`, {
        path: ['id'],
      });
    }
    throw new VersionConflictError(`contract '${contractId}'`, expectedVersion, current.version);
  }

  /** The terms and SLA policy the contract refers to stay until this write commits (see `settings-locks.ts`). */
  private async holdSettings(db: Kysely<Database>, contract: Contract): Promise<void> {
    await holdReference(db, 'contract_terms', this.scope.tenantId, contract.termsCode);
    await holdReference(db, 'sla_policies', this.scope.tenantId, contract.slaPolicyCode);
  }

  private async recordVersion(db: Kysely<Database>, contract: Contract, meta: ChangeMeta): Promise<void> {
    await db
      .insertInto('contract_versions')
      .values({
        tenant_id: this.scope.tenantId,
        contract_id: contract.id,
        version: contract.version,
        document: JSON.stringify(contract),
        effective_from: meta.at,
        recorded_by: meta.actor,
      })
      .execute();
  }

  private async replaceLinks(db: Kysely<Database>, contract: Contract): Promise<void> {
    const { tenantId } = this.scope;
    await db
      .deleteFrom('object_links')
      .where('tenant_id', '=', tenantId)
      .where('contract_id', '=', contract.id)
      .execute();
    if (contract.objectCodes.length === 0) return;
    await db
      .insertInto('object_links')
      .values(
        contract.objectCodes.map((objectCode) => ({
          tenant_id: tenantId,
          contract_id: contract.id,
          object_code: objectCode,
        })),
      )
      .execute();
  }
}

export class KyselyObjectLinks implements ObjectLinkRepository {
  constructor(private readonly scope: Scope) {}

  async contractIdsForObject(objectCode: string): Promise<string[]> {
    const rows = await this.scope.db
      .selectFrom('object_links')
      .select('contract_id')
      .where('tenant_id', '=', this.scope.tenantId)
      .where('object_code', '=', objectCode)
      .orderBy('contract_id')
      .execute();
    return rows.map((row) => row.contract_id);
  }

  async objectCodesForContract(contractId: string): Promise<string[]> {
    const rows = await this.scope.db
      .selectFrom('object_links')
      .select('object_code')
      .where('tenant_id', '=', this.scope.tenantId)
      .where('contract_id', '=', contractId)
      .orderBy('object_code')
      .execute();
    return rows.map((row) => row.object_code);
  }
}
