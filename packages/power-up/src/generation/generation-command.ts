import type { WorkOrderPlan } from '@contractbeheer/core';

/**
 * One step the shell carries out, in the order given. Ledger writes (`insert-*`, `mark-*`, and the attempt count of
 * `create`) must be committed before the next host call; `look-up` and the POST of `create` are host calls.
 */
export type GenerationCommand =
  /** Write a new `pending` row (attempts 0) with the plan; commit before any host call for this key. */
  | { kind: 'insert-pending'; key: string; workOrderNumber: string; plan: WorkOrderPlan }
  /** Write a new `skipped` row with the core's reason: the occurrence is never created. */
  | { kind: 'insert-skipped'; key: string; workOrderNumber: string; reason: string }
  /**
   * Commit `attempts = attempt` and `lastAttemptAt = at` on the pending row, then POST the row's plan with this
   * work-order number. On success mark the row created (with the host id); on failure record the error as
   * `lastError` and leave the row pending — the next decision reconciles it.
   */
  | { kind: 'create'; key: string; workOrderNumber: string; plan: WorkOrderPlan; attempt: number; at: number }
  /** Ask the host whether it has this work-order number, and pass the answer into the next decision. */
  | { kind: 'look-up'; key: string; workOrderNumber: string; afterAttempts: number }
  /** The host has the work order (found by a look-up): the row becomes `created`, without posting again. */
  | { kind: 'mark-created'; key: string; workOrderNumber: string; hostId: string | null }
  /** Every attempt failed and the host does not have the number: the row becomes `failed`, with the last error. */
  | { kind: 'mark-failed'; key: string; workOrderNumber: string; attempts: number; lastError: string };
