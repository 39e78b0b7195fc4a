import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeOnPglite } from '../../src/store/kysely/create-pglite-store.js';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { withReadCache } from '../../src/store/read-cache/cached-store.js';
import { ReadCache } from '../../src/store/read-cache/read-cache.js';
import type { Store } from '../../src/store/store.js';
import { installTenants, meta, preventive, sha256 } from './fixtures.js';
import { createScratchDatabase, describeUnreachablePostgres } from './scratch-postgres.js';

/** Polls `check` until it holds (or fails after `withinMs`): notifications from the database arrive a little later. */
async function eventually(check: () => Promise<boolean> | boolean, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not so after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The name in a stored contract, as the cached store answers it. */
async function nameOf(store: Store, tenantId: string, contractId: string): Promise<string | undefined> {
  return (await store.forTenant(tenantId).contracts.get(contractId))?.contract.name;
}

/** Renames contract C-1 (at version 0) through `store`, as a client's edit through that instance would. */
async function renameThrough(store: Store, tenantId: string, name: string): Promise<void> {
  const contracts = store.forTenant(tenantId).contracts;
  const stored = (await contracts.get('C-1'))!;
  await contracts.update({ ...stored.contract, name }, { expectedVersion: 0, ...meta() });
}

/** Renames an API key without a notification (as `unnoticedRename`): a cached key holder keeps the old name. */
const unnoticedKeyRename = (tenantId: string, keyId: string, name: string) => `
  begin;
  set local session_replication_role = replica;
  update api_keys set name = '${name}' where tenant_id = '${tenantId}' and id = '${keyId}';
  commit;`;

/**
 * A write the cache cannot hear of: triggers off for the session (`session_replication_role = replica`), so no
 * notification is sent. What a cached read answers after it tells whether the answer came from memory.
 */
const unnoticedRename = (tenantId: string, contractId: string, name: string) => `
  begin;
  set local session_replication_role = replica;
  update contracts set document = jsonb_set(document, '{name}', '"${name}"')
    where tenant_id = '${tenantId}' and id = '${contractId}';
  commit;`;

const database = await createScratchDatabase();

if ('unreachable' in database) {
  describeUnreachablePostgres('The read cache test', database.unreachable);
} else {
  describe('the API read cache on PostgreSQL, two instances on one database', () => {
    let here: Store;
    let cached: Store;
    let there: Store;
    let sql: pg.Client;
    const databaseName = new URL(database.connectionString).pathname.slice(1);

    beforeAll(async () => {
      here = await createPostgresStore({ connectionString: database.connectionString });
      cached = withReadCache(here, new ReadCache(here.changes));
      there = await createPostgresStore({ connectionString: database.connectionString });
      sql = new pg.Client({ connectionString: database.connectionString });
      await sql.connect();
      await eventually(() => here.changes.live);
    });
    afterAll(async () => {
      await sql?.end();
      await here?.close();
      await there?.close();
      await database.drop();
    });

    /**
     * Resolves once every notification committed so far has reached this instance: PostgreSQL delivers them in commit
     * order, so when a marker sent now arrives, the ones before it have.
     */
    let markers = 0;
    async function notificationsDelivered(): Promise<void> {
      const marker = `marker-${++markers}`;
      let seen = false;
      const unsubscribe = here.changes.subscribe((tenantId) => (seen ||= tenantId === marker));
      try {
        await sql.query(`select pg_notify('contractbeheer_changes', $1)`, [marker]);
        await eventually(() => seen);
      } finally {
        unsubscribe();
      }
    }

    async function tenantWithContract(): Promise<string> {
      const [tenantId] = await installTenants(there, 'cache');
      await there.forTenant(tenantId!).contracts.create(preventive('C-1', { name: 'first' }), meta());
      await notificationsDelivered();
      return tenantId!;
    }

    it('answers from memory, and a change committed by the other instance reaches it within moments', async () => {
      const tenantId = await tenantWithContract();
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');
      await sql.query(unnoticedRename(tenantId, 'C-1', 'unnoticed'));
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');
      expect(await nameOf(here, tenantId, 'C-1')).toBe('unnoticed');

      await renameThrough(there, tenantId, 'second');
      await eventually(async () => (await nameOf(cached, tenantId, 'C-1')) === 'second', 2_000);
    });

    it("answers this instance's own write at once, before the database's notification", async () => {
      const tenantId = await tenantWithContract();
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');
      await renameThrough(here, tenantId, 'mine');
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('mine');
    });

    it('refuses an API key revoked on the other instance', async () => {
      const [tenantId] = await installTenants(there, 'keys');
      const keyHash = sha256('cb_live_revoked-elsewhere');
      await there.forTenant(tenantId!).apiKeys.create({ id: 'k1', name: 'ci', hint: 'cb_…else', keyHash }, meta());
      await notificationsDelivered();
      expect((await cached.tenants.findApiKeyHolder(keyHash))?.tenant.id).toBe(tenantId);
      await there.forTenant(tenantId!).apiKeys.revoke('k1', meta());
      await eventually(async () => (await cached.tenants.findApiKeyHolder(keyHash)) === undefined, 2_000);
    });

    it("keeps a key's holder through contract writes, here and there, and drops it for a key or tenant change", async () => {
      const tenantId = await tenantWithContract();
      const keyHash = sha256('cb_live_kept-through-writes');
      await there.forTenant(tenantId).apiKeys.create({ id: 'k1', name: 'ci', hint: 'cb_…ites', keyHash }, meta());
      await notificationsDelivered();
      const keyName = async () => (await cached.tenants.findApiKeyHolder(keyHash))?.name;
      expect(await keyName()).toBe('ci');
      await sql.query(unnoticedKeyRename(tenantId, 'k1', 'unnoticed'));
      // A contract written on the other instance, and one written here: data changes, the holder is still memory's.
      await renameThrough(there, tenantId, 'second');
      await notificationsDelivered();
      await cached.forTenant(tenantId).contracts.create(preventive('C-2'), meta());
      expect(await keyName()).toBe('ci');
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('second');
      // Another key of the tenant, created on the other instance: an access change, read anew.
      await there
        .forTenant(tenantId)
        .apiKeys.create({ id: 'k2', name: 'k2', hint: 'cb_…k2', keyHash: sha256('k2') }, meta());
      await eventually(async () => (await keyName()) === 'unnoticed', 2_000);
      // And here, at once.
      await sql.query(unnoticedKeyRename(tenantId, 'k1', 'again'));
      await cached
        .forTenant(tenantId)
        .apiKeys.create({ id: 'k3', name: 'k3', hint: 'cb_…k3', keyHash: sha256('k3') }, meta());
      expect(await keyName()).toBe('again');
    });

    it('reads the database while its notifications are cut off, and caches again once they are back', async () => {
      const tenantId = await tenantWithContract();
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');
      const { rowCount } = await sql.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query ilike 'listen%'`,
        [databaseName],
      );
      expect(rowCount).toBe(2);
      await eventually(() => !here.changes.live);
      await sql.query(unnoticedRename(tenantId, 'C-1', 'while cut off'));
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('while cut off');

      await eventually(() => here.changes.live);
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('while cut off');
      await sql.query(unnoticedRename(tenantId, 'C-1', 'unnoticed again'));
      expect(await nameOf(cached, tenantId, 'C-1')).toBe('while cut off');
    });
  });
}

describe('the API read cache on PGlite', () => {
  let pglite: PGlite;
  let store: Store;
  let cached: Store;
  let tenantId: string;

  beforeAll(async () => {
    pglite = new PGlite({ parsers: { [types.DATE]: (value: string) => value } });
    store = await storeOnPglite(pglite);
    cached = withReadCache(store, new ReadCache(store.changes));
    [tenantId] = (await installTenants(store, 'embedded')) as [string];
    await store.forTenant(tenantId).contracts.create(preventive('C-1', { name: 'first' }), meta());
  });
  afterAll(() => store?.close());

  it('answers from memory until a write — through the store or in SQL beside it — changes the tenant', async () => {
    expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');
    await pglite.exec(unnoticedRename(tenantId, 'C-1', 'unnoticed'));
    expect(await nameOf(cached, tenantId, 'C-1')).toBe('first');

    await pglite.query(`update contracts set document = jsonb_set(document, '{name}', '"in sql"') where id = 'C-1'`);
    expect(await nameOf(cached, tenantId, 'C-1')).toBe('in sql');

    await renameThrough(store, tenantId, 'through the store');
    expect(await nameOf(cached, tenantId, 'C-1')).toBe('through the store');
  });

  it("keeps a key's holder through a contract write, and drops it for a key change", async () => {
    const keyHash = sha256('cb_live_embedded-key');
    await store.forTenant(tenantId).apiKeys.create({ id: 'k1', name: 'ci', hint: 'cb_…key', keyHash }, meta());
    const keyName = async () => (await cached.tenants.findApiKeyHolder(keyHash))?.name;
    expect(await keyName()).toBe('ci');
    await pglite.exec(unnoticedKeyRename(tenantId, 'k1', 'unnoticed'));
    await cached.forTenant(tenantId).contracts.create(preventive('C-2'), meta());
    expect(await keyName()).toBe('ci');
    await pglite.query(`update api_keys set revoked_at = now() where id = 'k1'`);
    expect(await keyName()).toBeUndefined();
  });
});
