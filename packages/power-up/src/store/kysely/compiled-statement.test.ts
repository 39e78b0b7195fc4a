import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledStatement, compiledStatements, type SlotOf } from './compiled-statement.js';
import type { Database } from './database.js';

/** Kysely with the PostgreSQL compiler over a driver that only records what it is asked to run. */
function recordingDb() {
  const ran: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      ran.push(query);
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield
    streamQuery: async function* () {
      throw new Error('not used');
    },
  };
  const driver: Driver = Object.assign(new DummyDriver(), { acquireConnection: async () => connection });
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    },
  });
  return { db, ran };
}

describe('compiledStatement', () => {
  it('runs the SQL Kysely compiles, with each call’s values in their places and constants kept', async () => {
    const { db, ran } = recordingDb();
    const byKey = compiledStatement((on, slot: SlotOf<{ tenantId: string; code: string; rows: number }>) =>
      on
        .selectFrom('contract_terms')
        .select('document')
        .where('tenant_id', '=', slot('tenantId'))
        .where('code', '=', slot('code'))
        .where('document', 'is not', null)
        .where('updated_at', '>', '2026-01-01T00:00:00Z' as never)
        .limit(slot('rows')),
    );
    await byKey(db, { tenantId: 'acme', code: 'STD', rows: 2 });
    await byKey(db, { tenantId: 'bolt', code: 'PLUS', rows: 5 });

    const direct = db
      .selectFrom('contract_terms')
      .select('document')
      .where('tenant_id', '=', 'bolt')
      .where('code', '=', 'PLUS')
      .where('document', 'is not', null)
      .where('updated_at', '>', '2026-01-01T00:00:00Z' as never)
      .limit(5)
      .compile();
    expect(ran[1]!.sql).toBe(direct.sql);
    expect(ran[1]!.parameters).toEqual(direct.parameters);
    expect(ran[0]!.parameters).toEqual(['acme', 'STD', '2026-01-01T00:00:00Z', 2]);
  });

  it('refuses a value used where it does not become a parameter, before anything runs', async () => {
    const { db, ran } = recordingDb();
    const inlined = compiledStatement((on, slot: SlotOf<{ code: string }>) =>
      on
        .selectFrom('contract_terms')
        .select('document')
        .where('code', '=', JSON.stringify(slot('code'))),
    );
    await expect(inlined(db, { code: 'STD' })).rejects.toThrow(/code did not become parameters/);
    expect(ran).toEqual([]);
  });
});

describe('compiledStatements', () => {
  it('compiles one statement per shape, each with only its own filters', async () => {
    const { db, ran } = recordingDb();
    const page = compiledStatements(
      (shape: { byCode: boolean }) => String(shape.byCode),
      (shape, on, slot: SlotOf<{ tenantId: string; code: string | undefined }>) => {
        const query = on.selectFrom('contract_terms').select('code').where('tenant_id', '=', slot('tenantId'));
        return shape.byCode ? query.where('code', '=', slot('code')!) : query;
      },
    );
    await page(db, { byCode: true }, { tenantId: 'acme', code: 'STD' });
    await page(db, { byCode: false }, { tenantId: 'acme', code: undefined });
    await page(db, { byCode: true }, { tenantId: 'bolt', code: 'PLUS' });

    expect(ran.map((query) => query.parameters)).toEqual([['acme', 'STD'], ['acme'], ['bolt', 'PLUS']]);
    expect(ran[0]!.sql).toBe(ran[2]!.sql);
    expect(ran[1]!.sql).not.toContain('"code" =');
  });
});
