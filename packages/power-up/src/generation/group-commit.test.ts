import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

/** A write that records its batches and answers each item doubled, finishing only when the test says so. */
function controlledWrite() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => pending.push(() => resolve(items.map((item) => item * 2))));
  };
  const finishNext = async () => {
    pending.shift()?.();
    // Let the callers' continuations and the next write start.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, write, finishNext };
}

describe('groupCommit', () => {
  it('writes the items asked for in the same turn together, and each caller gets its own answer', async () => {
    const { batches, write, finishNext } = controlledWrite();
    const commit = groupCommit(write);
    const answers = Promise.all([commit(1), commit(2), commit(3)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2, 3]]);
    await finishNext();
    expect(await answers).toEqual([2, 4, 6]);
  });

  it('keeps one write in flight: items that arrive meanwhile go together into the next one', async () => {
    const { batches, write, finishNext } = controlledWrite();
    const commit = groupCommit(write);
    const first = commit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit(2), commit(3)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    await finishNext();
    expect(await first).toBe(2);
    expect(batches).toEqual([[1], [2, 3]]);
    await finishNext();
    expect(await Promise.all(later)).toEqual([4, 6]);
    // Idle again: a new item starts a write of its own.
    const last = commit(4);
    await new Promise((resolve) => setImmediate(resolve));
    await finishNext();
    expect(await last).toBe(8);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects every caller of a failed write, and the next write goes ahead', async () => {
    let calls = 0;
    const commit = groupCommit(async (items: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return items.map((item) => item.toUpperCase());
    });
    const failed = [commit('a'), commit('b')];
    await expect(Promise.all(failed)).rejects.toThrow('connection lost');
    await expect(failed[1]).rejects.toThrow('connection lost');
    expect(await commit('c')).toBe('C');
  });

  it('with gatherMs, waits that long before each write, so items asked for one by one share it', async () => {
    const { batches, write, finishNext } = controlledWrite();
    const commit = groupCommit(write, { gatherMs: 20 });
    const answers = [commit(1)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    answers.push(commit(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([[1, 2]]);
    await finishNext();
    expect(await Promise.all(answers)).toEqual([2, 4]);
  });
});
