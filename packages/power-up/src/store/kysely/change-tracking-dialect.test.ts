import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBroadcast } from '../change-feed.js';
import { trackingChanges } from './change-tracking-dialect.js';
import { PgliteDialect } from './pglite-dialect.js';

type Tables = { contracts: { id: string }; generation_ledger: { id: string }; api_keys: { id: string } };

describe('trackingChanges', () => {
  const broadcast = new ChangeBroadcast(true);
  const db = new Kysely<Tables>({ dialect: trackingChanges(new PgliteDialect(new PGlite()), broadcast) });
  let reported = 0;
  const kinds: string[] = [];
  broadcast.subscribe((_tenantId, kind) => {
    reported += 1;
    kinds.push(kind);
  });

  beforeAll(async () => {
    await sql`create table contracts (id text primary key)`.execute(db);
    await sql`create table generation_ledger (id text primary key)`.execute(db);
    await sql`create table api_keys (id text primary key)`.execute(db);
    reported = 0;
  });
  afterAll(() => db.destroy());

  it('reports a write to a notified table once it has committed, and not for reads or other tables', async () => {
    await db.insertInto('contracts').values({ id: 'a' }).execute();
    expect(reported).toBe(1);
    await db.selectFrom('contracts').selectAll().execute();
    await db.insertInto('generation_ledger').values({ id: 'a' }).execute();
    expect(reported).toBe(1);
  });

  it('reports a transaction when it commits, not when its statements run, and a rolled-back one not at all', async () => {
    reported = 0;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('contracts').set({ id: 'b' }).where('id', '=', 'a').execute();
      await trx.deleteFrom('contracts').where('id', '=', 'nothing').execute();
      expect(reported).toBe(0);
    });
    expect(reported).toBe(1);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('contracts').values({ id: 'c' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(reported).toBe(1);
  });

  it('reports a write to tenants or API keys as an access change, any other as a data change; a transaction as its widest', async () => {
    kinds.length = 0;
    await db.insertInto('contracts').values({ id: 'k1' }).execute();
    await db.insertInto('api_keys').values({ id: 'k1' }).execute();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('contracts').values({ id: 'k2' }).execute();
      await trx.updateTable('api_keys').set({ id: 'k2' }).where('id', '=', 'k1').execute();
      await trx.insertInto('contracts').values({ id: 'k3' }).execute();
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('contracts').values({ id: 'k4' }).execute();
    });
    expect(kinds).toEqual(['data', 'access', 'access', 'data']);
  });
});
