import { DateTime } from 'luxon';
import type { LedgerRow } from './ledger-row.js';
import { backoffDelayMs, type RetryPolicy } from './retry-policy.js';

const NOT_POSTED_RECHECK_MS = 1_000;

/**
 * When generation must next look at a contract (epoch ms), or `null` when nothing is left until it is written again:
 * the earlier of the start of its next creation date — midnight in the contract's zone, so the work order is created
 * on its creation date wherever the server runs — and the moment the earliest pending row may be reconciled.
 */
export function nextDueAt(options: {
  nextCreationDate: string | null;
  timeZone: string;
  rows: readonly LedgerRow[];
  policy: RetryPolicy;
  now: number;
}): number | null {
  const candidates: number[] = [];
  if (options.nextCreationDate !== null) {
    const start = DateTime.fromISO(options.nextCreationDate, { zone: options.timeZone }).startOf('day');
    if (start.isValid) candidates.push(start.toMillis());
  }
  for (const row of options.rows) {
    if (row.state !== 'pending') continue;
    // Never posted (the tenant was backed off, or another worker holds it): look again in a moment.
    if (row.attempts === 0 || row.lastAttemptAt === null) candidates.push(options.now + NOT_POSTED_RECHECK_MS);
    else candidates.push(row.lastAttemptAt + backoffDelayMs(options.policy, row.attempts));
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}
