import { setImmediate as nextTurn } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { flushWaitingLines, perTurnDestination } from './log-lines-per-turn.js';

function recorder() {
  const writes: string[] = [];
  return { writes, target: { write: (text: string) => writes.push(text) } };
}

describe('perTurnDestination', () => {
  it('writes the lines of one turn together, once the turn is over, in their order', async () => {
    const { writes, target } = recorder();
    const destination = perTurnDestination(target);
    destination.write('a\n');
    destination.write('b\n');
    destination.write('c\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n']);
  });

  it('writes each turn apart, and nothing for a turn without lines', async () => {
    const { writes, target } = recorder();
    const destination = perTurnDestination(target);
    destination.write('1\n');
    await nextTurn();
    await nextTurn();
    destination.write('2\n');
    await nextTurn();
    expect(writes).toEqual(['1\n', '2\n']);
  });

  it("writes waiting lines at once on flushSync, pino's flush and the process's exit", async () => {
    const { writes, target } = recorder();
    const destination = perTurnDestination(target);
    destination.write('x\n');
    destination.flushSync();
    expect(writes).toEqual(['x\n']);

    const log = pino({ base: null, timestamp: false }, destination);
    log.info('y');
    let flushed = false;
    log.flush(() => (flushed = true));
    expect(flushed).toBe(true);
    expect(writes).toEqual(['x\n', '{"level":30,"msg":"y"}\n']);

    const other = recorder();
    const another = perTurnDestination(other.target);
    destination.write('z\n');
    another.write('w\n');
    flushWaitingLines();
    expect(writes.at(-1)).toBe('z\n');
    expect(other.writes).toEqual(['w\n']);
    // Already written: the turn's end writes nothing more.
    await nextTurn();
    expect(writes).toHaveLength(3);
    expect(other.writes).toHaveLength(1);
  });

  it("passes a failed write to pino's flush callback", () => {
    const destination = perTurnDestination({
      write: () => {
        throw new Error('disk full');
      },
    });
    destination.write('x\n');
    let failure: Error | undefined;
    destination.flush((error) => (failure = error));
    expect(failure?.message).toBe('disk full');
  });
});
