import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteDialect } from '../kysely/pglite-dialect.js';
import { CHANGES_CHANNEL } from './005-change-notifications.js';
import { ACCESS_CHANGES_CHANNEL, accessChangeNotifications } from './006-access-change-notifications.js';
import { migrateToLatest } from './migrations.js';

describe('migration 006: access changes', () => {
  const pglite = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PgliteDialect(pglite) });
  afterAll(() => db.destroy());

  /** The channels a statement's commit notified, in order. */
  async function notifiedBy(statement: string): Promise<string[]> {
    const heard: string[] = [];
    const off = await Promise.all(
      [CHANGES_CHANNEL, ACCESS_CHANGES_CHANNEL].map((channel) =>
        pglite.listen(channel, (payload) => heard.push(`${channel}:${payload}`)),
      ),
    );
    await pglite.exec(statement);
    await Promise.all(off.map((unlisten) => unlisten()));
    return heard.sort();
  }

  it('notifies both channels for tenants and API keys, the old one alone for the rest; down undoes it', async () => {
    await migrateToLatest(db);
    const both = (tenant: string) => [`${ACCESS_CHANGES_CHANNEL}:${tenant}`, `${CHANGES_CHANNEL}:${tenant}`];
    expect(
      await notifiedBy(`insert into tenants (id, name, settings, created_at) values ('t1', 'T', '{}', now())`),
    ).toEqual(both('t1'));
    expect(
      await notifiedBy(
        `insert into api_keys (tenant_id, id, name, hint, key_hash, created_at)
         values ('t1', 'k1', 'ci', 'x', repeat('a', 64), now())`,
      ),
    ).toEqual(both('t1'));
    expect(
      await notifiedBy(
        `insert into contract_terms (tenant_id, code, document, updated_at) values ('t1', 'J', '{}', now())`,
      ),
    ).toEqual([`${CHANGES_CHANNEL}:t1`]);

    await accessChangeNotifications.down!(db);
    expect(await notifiedBy(`delete from api_keys where id = 'k1'`)).toEqual([`${CHANGES_CHANNEL}:t1`]);
    await accessChangeNotifications.up(db);
    expect(await notifiedBy(`update tenants set name = 'T2' where id = 't1'`)).toEqual(both('t1'));
  });
});
