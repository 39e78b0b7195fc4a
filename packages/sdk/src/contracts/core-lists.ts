import type { ContractStatus, PressureReason, StatusFlag } from '@contractbeheer/core';

/**
 * Returns the list as given; does not compile unless it names every member of `T`. The wire enums below must list
 * the core's unions at run time (for validation and the OpenAPI document), and a member the core adds must not be
 * forgotten here. When the core exports these lists itself, use those instead.
 */
function everyMemberOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}

/** The core's contract statuses (`ContractStatus`), for the wire. */
export const CONTRACT_STATUSES = everyMemberOf<ContractStatus>()(['not-started', 'active', 'ended', 'terminated']);
/** The core's status flags (`StatusFlag`), for the wire. */
export const STATUS_FLAGS = everyMemberOf<StatusFlag>()(['notice-deadline-near', 'renewal-due', 'termination-scheduled']);
/** The core's budget pressure reasons (`PressureReason`), for the wire. */
export const PRESSURE_REASONS = everyMemberOf<PressureReason>()([
  'over-budget',
  'forecast-over-budget',
  'spending-ahead-of-time',
]);
