import cliProgress from 'cli-progress';
import type { CliOutput } from './cli-output.js';

/** Progress of one long step (validating rows, writing contracts). */
export type Progress = { tick(count?: number): void; done(): void };

/**
 * A bar on stderr when attached to a terminal; otherwise a plain line per tenth of the work and one at the end, so
 * a log file or a CI job shows progress without control characters.
 */
export function startProgress(output: CliOutput, label: string, total: number): Progress {
  if (output.interactive && total > 0) {
    const bar = new cliProgress.SingleBar(
      { format: `${label.padEnd(12)} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (count = 1) => bar.increment(count), done: () => bar.stop() };
  }
  let value = 0;
  let reported = 0;
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick(count = 1) {
      value += count;
      if (value - reported >= step && value < total) {
        reported = value;
        output.err(`${label}: ${value}/${total}\n`);
      }
    },
    done: () => output.err(`${label}: ${value}/${total}\n`),
  };
}
