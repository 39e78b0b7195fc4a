import { describe, expect, it } from 'vitest';
import { ChangeBroadcast } from '../change-feed.js';
import { isMiss, ReadCache } from './read-cache.js';

/** A read whose answer the test hands over when it wants, so a change can land while the read is under way. */
function deferredRead<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { load: () => promise, answer: resolve };
}

describe('ReadCache', () => {
  it('answers a read again from memory until a change of its tenant, then reads anew', async () => {
    const feed = new ChangeBroadcast(true);
    const cache = new ReadCache(feed);
    let reads = 0;
    const load = async () => ({ version: ++reads });
    expect(await cache.through('a/1', 'a', load)).toEqual({ version: 1 });
    expect(await cache.through('a/1', 'a', load)).toEqual({ version: 1 });
    feed.changed('b');
    expect(await cache.through('a/1', 'a', load)).toEqual({ version: 1 });
    feed.changed('a');
    expect(await cache.through('a/1', 'a', load)).toEqual({ version: 2 });
    feed.changed(undefined);
    expect(await cache.through('a/1', 'a', load)).toEqual({ version: 3 });
    expect(reads).toBe(3);
  });

  it('keeps an access read (a key holder) through data changes; an access change drops it, and the data reads too', () => {
    const feed = new ChangeBroadcast(true);
    const cache = new ReadCache(feed);
    const remember = (key: string, tenantId: string, kind: 'access' | 'data') =>
      cache.remember(key, tenantId, { key }, cache.position(), kind);
    const held = (key: string) => !isMiss(cache.recall(key));
    remember('key/a', 'a', 'access');
    remember('contract/a', 'a', 'data');
    feed.changed('a', 'data');
    expect([held('key/a'), held('contract/a')]).toEqual([true, false]);
    remember('contract/a', 'a', 'data');
    // This process's own write: any tenant's, of the kind it wrote.
    feed.changed(undefined, 'data');
    expect([held('key/a'), held('contract/a')]).toEqual([true, false]);
    remember('contract/a', 'a', 'data');
    remember('key/b', 'b', 'access');
    feed.changed('b', 'access');
    expect([held('key/a'), held('contract/a'), held('key/b')]).toEqual([true, true, false]);
    feed.changed('a', 'access');
    expect([held('key/a'), held('contract/a')]).toEqual([false, false]);
    remember('key/a', 'a', 'access');
    remember('contract/a', 'a', 'data');
    feed.changed(undefined, 'access');
    expect([held('key/a'), held('contract/a')]).toEqual([false, false]);
    // A key holder read while an access change landed is not kept as current.
    const readFrom = cache.position();
    feed.changed('a', 'access');
    cache.remember('key/a', 'a', 'stale', readFrom, 'access');
    expect(held('key/a')).toBe(false);
  });

  it('never keeps a read that was under way when its tenant changed, whatever the order they finish in', async () => {
    const feed = new ChangeBroadcast(true);
    const cache = new ReadCache(feed);
    const slow = deferredRead<string>();
    const pending = cache.through('a/1', 'a', slow.load);
    // The write commits while the read is out; the read then comes back with what it saw before the commit.
    feed.changed('a');
    slow.answer('before the write');
    expect(await pending).toBe('before the write');
    expect(isMiss(cache.recall('a/1'))).toBe(true);
    expect(await cache.through('a/1', 'a', async () => 'after the write')).toBe('after the write');
    expect(cache.recall('a/1')).toBe('after the write');
  });

  it('answers nothing from memory while the feed is not live, and drops everything when it goes live again', async () => {
    const feed = new ChangeBroadcast(false);
    const cache = new ReadCache(feed);
    await cache.through('a/1', 'a', async () => 'one');
    expect(cache.size).toBe(0);
    feed.setLive(true);
    await cache.through('a/1', 'a', async () => 'two');
    expect(cache.recall('a/1')).toBe('two');
    feed.setLive(false);
    expect(isMiss(cache.recall('a/1'))).toBe(true);
    expect(await cache.through('a/1', 'a', async () => 'three')).toBe('three');
    feed.setLive(true);
    expect(isMiss(cache.recall('a/1'))).toBe(true);
  });

  it('keeps a read no longer than maxAgeMs, and no more than maxEntries reads (the oldest go first)', async () => {
    let nowMs = 0;
    const cache = new ReadCache(new ChangeBroadcast(true), { maxAgeMs: 1_000, maxEntries: 2, now: () => nowMs });
    await cache.through('a/1', 'a', async () => 1);
    nowMs = 999;
    expect(cache.recall('a/1')).toBe(1);
    nowMs = 1_000;
    expect(isMiss(cache.recall('a/1'))).toBe(true);
    for (const key of ['a/1', 'a/2', 'a/3']) await cache.through(key, 'a', async () => key);
    expect(cache.size).toBe(2);
    expect(isMiss(cache.recall('a/1'))).toBe(true);
    expect(cache.recall('a/3')).toBe('a/3');
  });

  it('hands out frozen values, so no request can change what the next one is answered', async () => {
    const cache = new ReadCache(new ChangeBroadcast(true));
    const value = await cache.through('a/1', 'a', async () => ({ contract: { objectCodes: ['O-1'] } }));
    expect(() => value.contract.objectCodes.push('O-2')).toThrow(TypeError);
  });
});
