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
import { compiledStatement, compiledStatements, type SlotOf } from './compiled-statement.js';
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

/** A contract by id, its document as text (see `stored-contracts.ts`). */
const contractById = compiledStatement((db, slot: SlotOf<{ tenantId: string; contractId: string }>) =>
  db
    .selectFrom('contracts')
    .select([documentText, 'created_at', 'updated_at'])
    .where('tenant_id', '=', slot('tenantId'))
    .where('id', '=', slot('contractId')),
);

/** The values of a page of contracts; an absent filter is not applied. */
type ContractPageValues = {
  tenantId: string;
  debtorNumber: string | undefined;
  type: string | undefined;
  termsCode: string | undefined;
  slaPolicyCode: string | undefined;
  /** A LIKE pattern on `search_text`. */
  textPattern: string | undefined;
  startFrom: string | undefined;
  startTo: string | undefined;
  objectCode: string | undefined;
  /** The id the page starts after (keyset pagination). */
  after: string | undefined;
  rowsWanted: number;
};

const OPTIONAL_PAGE_VALUES = [
  'debtorNumber',
  'type',
  'termsCode',
  'slaPolicyCode',
  'textPattern',
  'startFrom',
  'startTo',
  'objectCode',
  'after',
] as const;

/** What decides the statement's text: which filters are given, and the termination filter (it has no value). */
type ContractPageShape = {
  given: Readonly<Record<(typeof OPTIONAL_PAGE_VALUES)[number], boolean>>;
  terminated: boolean | undefined;
};

function pageShape(values: ContractPageValues, terminated: boolean | undefined): ContractPageShape {
  const given = Object.fromEntries(OPTIONAL_PAGE_VALUES.map((name) => [name, values[name] !== undefined]));
  return { given: given as ContractPageShape['given'], terminated };
}

/** A page of contracts in id order: one compiled statement per combination of filters. */
const contractPage = compiledStatements(
  (shape: ContractPageShape) =>
    `${OPTIONAL_PAGE_VALUES.filter((name) => shape.given[name]).join(',')}|${String(shape.terminated)}`,
  (shape, db, slot: SlotOf<ContractPageValues>) => {
    const { given } = shape;
    let query = db
      .selectFrom('contracts')
      .select(['id', documentText, 'created_at', 'updated_at'])
      .where('tenant_id', '=', slot('tenantId'));
    if (given.debtorNumber) query = query.where('debtor_number', '=', slot('debtorNumber')!);
    if (given.type) query = query.where('type', '=', slot('type')!);
    if (given.termsCode) query = query.where('terms_code', '=', slot('termsCode')!);
    if (given.slaPolicyCode) query = query.where('sla_policy_code', '=', slot('slaPolicyCode')!);
    if (given.textPattern) query = query.where('search_text', 'like', slot('textPattern')!);
    if (shape.terminated !== undefined)
      query = query.where('termination_date', shape.terminated ? 'is not' : 'is', null);
    if (given.startFrom) query = query.where('start_date', '>=', slot('startFrom')!);
    if (given.startTo) query = query.where('start_date', '<=', slot('startTo')!);
    if (given.objectCode) {
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('object_links')
          .select('contract_id')
          .where('object_links.tenant_id', '=', slot('tenantId'))
          .where('object_code', '=', slot('objectCode')!),
      );
    }
    // Keyset pagination on the id: rows added or removed elsewhere never shift a page, unlike an offset.
    if (given.after) query = query.where('id', '>', slot('after')!);
    return query.orderBy('id').limit(slot('rowsWanted'));
  },
);

/** The values of `insertContract`: the row's columns, the version's and audit's, all in one statement. */
type NewContractValues = {
  tenantId: string;
  id: string;
  version: number;
  /** The contract as JSON text. */
  document: string;
  type: string;
  debtorNumber: string;
  termsCode: string | null;
  slaPolicyCode: string | null;
  startDate: string;
  endDate: string | null;
  terminationDate: string | null;
  searchText: string;
  /** The linked objects' codes as a JSON array. */
  objectCodes: string;
  at: string;
  actor: string;
  /** The audit entry's details as JSON. */
  details: string;
};

/**
 * One statement writes the contract, its first version, its object links, its due-index entry (due at once) and the
 * audit entry (data-modifying CTEs). No row when the id is taken, and then nothing was written: every other table is
 * filled from the `inserted` CTE, which is empty then.
 */
const insertContract = compiledStatement((db, slot: SlotOf<NewContractValues>) => {
  const at = sql<Date>`${slot('at')}::timestamptz`;
  const actor = sql<string>`${slot('actor')}::text`;
  const row: Insertable<ContractsTable> = {
    tenant_id: slot('tenantId'),
    id: slot('id'),
    version: slot('version'),
    document: slot('document'),
    type: slot('type'),
    debtor_number: slot('debtorNumber'),
    terms_code: slot('termsCode'),
    sla_policy_code: slot('slaPolicyCode'),
    start_date: slot('startDate'),
    end_date: slot('endDate'),
    termination_date: slot('terminationDate'),
    search_text: slot('searchText'),
    created_at: slot('at'),
    updated_at: slot('at'),
  };
  return db
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
              sql<{ code: string }>`jsonb_array_elements_text(${slot('objectCodes')}::jsonb)`.as('code'),
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
              sql<string>`${slot('details')}::jsonb`.as('details'),
            ]),
        ),
    )
    .selectFrom('inserted')
    .select(['created_at', 'updated_at']);
});

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
    const columns = indexedColumns(checked);
    const { rows } = await forKnownTenant(tenantId, () =>
      insertContract(db, {
        tenantId,
        id: checked.id,
        version: checked.version,
        document: JSON.stringify(checked),
        type: columns.type,
        debtorNumber: columns.debtor_number,
        termsCode: columns.terms_code,
        slaPolicyCode: columns.sla_policy_code,
        startDate: columns.start_date,
        endDate: columns.end_date,
        terminationDate: columns.termination_date,
        searchText: columns.search_text,
        objectCodes: JSON.stringify(checked.objectCodes),
        at: meta.at,
        actor: meta.actor,
        details: JSON.stringify({ version: checked.version }),
      }),
    );
    return rows[0];
  }

  async get(contractId: string): Promise<StoredContract | undefined> {
    const { rows } = await contractById(this.scope.db, { tenantId: this.scope.tenantId, contractId });
    return rows[0] === undefined ? undefined : storedContractOf(rows[0]);
  }

  async list(options: ListContractsOptions = {}): Promise<Page<StoredContract>> {
    const limit = pageSize(options.limit);
    const after = decodeCursor(options.cursor);
    const filters = options.filters ?? {};
    const values: ContractPageValues = {
      tenantId: this.scope.tenantId,
      debtorNumber: filters.debtorNumber,
      type: filters.type,
      termsCode: filters.termsCode,
      slaPolicyCode: filters.slaPolicyCode,
      textPattern: filters.text === undefined || filters.text === '' ? undefined : containsPattern(filters.text),
      startFrom: filters.startDate?.from,
      startTo: filters.startDate?.to,
      objectCode: filters.objectCode,
      after,
      // One row more than the page: whether it comes back says whether there is a next page.
      rowsWanted: limit + 1,
    };
    const { rows } = await contractPage(this.scope.db, pageShape(values, filters.terminated), values);
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
