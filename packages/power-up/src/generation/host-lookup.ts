/**
 * What the host answered when the shell looked an occurrence's work-order number up. `afterAttempts` is the row's
 * `attempts` at the time of the look-up: a look-up only tells something about the creates started before it, so one
 * taken before a later attempt is stale and is ignored.
 */
export type HostLookup =
  | { key: string; workOrderNumber: string; afterAttempts: number; found: true; hostId: string | null }
  | { key: string; workOrderNumber: string; afterAttempts: number; found: false };
