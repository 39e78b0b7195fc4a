import type { WorkOrderPlan } from '@contractbeheer/core';

/**
 * Where an occurrence stands in the generation ledger:
 * - `pending`: the row exists and the host may or may not have the work order yet (attempts says how often we posted);
 * - `created`: the host has it — final, never touched again by generation;
 * - `skipped`: the core decided not to create it (its reason is kept) — final;
 * - `failed`: every attempt failed and a look-up found nothing — no automatic retries, but a look-up that finds the
 *   number still turns it into `created` (the host may have committed a create whose response we lost).
 */
export type LedgerState = 'pending' | 'created' | 'skipped' | 'failed';

/** One row of the generation ledger: one per occurrence key, written before the host is ever called. */
export type LedgerRow = {
  key: string;
  state: LedgerState;
  /** `workOrderNumberFor(key)`: derived from the key so a lost response can be found on the host again. */
  workOrderNumber: string;
  /** How many creates were started on the host; each is counted (and committed) before its request is sent. */
  attempts: number;
  /** When the last create was started, in milliseconds since the Unix epoch (UTC); `null` before the first. */
  lastAttemptAt: number | null;
  /** The core's reason, for `skipped` rows only. */
  skipReason: string | null;
  /** The last host error the shell recorded for a failed create, for the schedule view and for `failed` rows. */
  lastError: string | null;
  /** What is posted to the host; kept on the row so every retry sends exactly the first attempt's work order. */
  plan: WorkOrderPlan | null;
  /** The host's id once `created`, when it told us. */
  hostId: string | null;
};
