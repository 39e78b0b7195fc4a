/*
 * The ledger row is the store's record (see `store/ledger-row.ts`); generation reads it under this name. It lives
 * with the store so that the store depends on nothing in generation (no folder cycle).
 */
export type { LedgerRow, LedgerState } from '../store/ledger-row.js';
