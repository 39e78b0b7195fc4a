import { PGlite } from '@electric-sql/pglite';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PgliteDialect } from './pglite-dialect.js';
import { startUpkeep, upkeepGrownTables } from './pglite-upkeep.js';
import { storeOnPglite } from './create-pglite-store.js';

const opened: PGlite[] = [];
afterEach(async () => {
  for (const pglite of opened.splice(0)) if (!pglite.closed) await pglite.close();
});

async function database() {
  const pglite = new PGlite();
  opened.push(pglite);
  const db = new Kysely<Record<string, never>>({ dialect: new PgliteDialect(pglite) });
  await sql`create table parents (id int primary key, note text)`.execute(db);
  await sql`create table children (id int primary key, parent_id int not null references parents (id))`.execute(db);
  return { pglite, db };
}

const fill = (pglite: PGlite, from: number, count: number) =>
  pglite.query(
    `insert into parents select i, repeat('x', 200) from generate_series($1::int, $2::int) i;
     insert into children select i, i from generate_series($1::int, $2::int) i`.split(';')[0]!,
    [from, from + count - 1],
  );

const recordedPages = async (pglite: PGlite, table: string) =>
  (await pglite.query<{ pages: number }>(`select relpages as pages from pg_class where relname = $1`, [table])).rows[0]!
    .pages;

describe('PGlite upkeep', () => {
  it('vacuums and analyzes the tables grown by a tenth since their size was recorded, and only those', async () => {
    const { pglite, db } = await database();
    expect(await upkeepGrownTables(db)).toEqual([]);
    await fill(pglite, 1, 2_000);
    expect(await upkeepGrownTables(db)).toEqual(['parents']);
    const pages = await recordedPages(pglite, 'parents');
    expect(pages).toBeGreaterThan(8);
    // Recorded: nothing to do until it grows again by more than a tenth.
    expect(await upkeepGrownTables(db)).toEqual([]);
    await fill(pglite, 2_001, 20);
    expect(await upkeepGrownTables(db)).toEqual([]);
    await fill(pglite, 3_000, 1_000);
    expect(await upkeepGrownTables(db)).toEqual(['parents']);
    expect(await recordedPages(pglite, 'parents')).toBeGreaterThan(pages);
  });

  it('runs on its own every so often until stopped, and the store stops it when closed', async () => {
    const { pglite, db } = await database();
    await fill(pglite, 1, 2_000);
    const upkeep = startUpkeep(db, 20);
    await sleep(200);
    await upkeep.stop();
    expect(await recordedPages(pglite, 'parents')).toBeGreaterThan(8);

    const storePglite = new PGlite();
    opened.push(storePglite);
    const store = await storeOnPglite(storePglite, { upkeepEveryMs: 20 });
    await store.close();
    expect(storePglite.closed).toBe(true);
  });
});
