import type { DestinationStream } from 'pino';

/** Where the gathered lines go: pino's own destination (sonic-boom), which handles partial writes and EAGAIN. */
type Target = { write(text: string): unknown };

export type PerTurnDestination = DestinationStream & {
  /** Writes the lines gathered so far now. */
  flushSync(): void;
  /** pino's `logger.flush(cb)`. */
  flush(callback?: (error?: Error) => void): void;
};

/**
 * A log destination that writes the lines of one event-loop turn together, in one write at the end of the turn.
 * The service logs a line per request, and a write per line was a system call per request: on a busy server a turn
 * answers several requests, so their lines now share one. A line waits at most until the turn's I/O callbacks are
 * done (`setImmediate`); lines still waiting when the process exits (`process.exit`, an uncaught error) are written
 * by the exit hook below, so only a kill that gives no exit (SIGKILL, a crash of Node itself) can lose them — the
 * lines of that one turn.
 */
export function perTurnDestination(target: Target): PerTurnDestination {
  let lines: string[] = [];
  const flushSync = () => {
    if (lines.length === 0) return;
    const text = lines.length === 1 ? lines[0]! : lines.join('');
    lines = [];
    waiting.delete(flushSync);
    target.write(text);
  };
  return {
    write(line: string) {
      lines.push(line);
      if (lines.length === 1) {
        waiting.add(flushSync);
        setImmediate(flushSync);
        hookExit();
      }
    },
    flushSync,
    flush(callback) {
      try {
        flushSync();
        callback?.();
      } catch (error) {
        callback?.(error as Error);
      }
    },
  };
}

/** The destinations with lines not yet written; one exit hook for all of them, whatever the number of loggers. */
const waiting = new Set<() => void>();
let exitHooked = false;

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', flushWaitingLines);
}

/** Writes every destination's waiting lines now: what the process does on its way out. */
export function flushWaitingLines(): void {
  for (const flush of waiting) flush();
}
