import type { WorkOrderPlan } from '@contractbeheer/core';
import { planWorkOrders } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import { describe, expect, it } from 'vitest';
import { PowerUpError } from '../power-up-error.js';
import { applyCommands } from './apply-commands.js';
import { decideGeneration } from './decide-generation.js';
import type { LedgerRow } from './ledger-row.js';

const policy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
const NOW = Date.UTC(2025, 0, 1, 8);

function planFor(key: string): WorkOrderPlan {
  const [contractId = '', , targetDate = ''] = key.split('|');
  return {
    key,
    contractId,
    debtorNumber: 'D100',
    objectCodes: ['CV-01'],
    targetDate,
    creationDate: targetDate,
    late: false,
    timing: { kind: 'deadline', deadline: targetDate },
    workType: 'Onderhoud',
    description: 'Jaarlijks onderhoud',
    durationMinutes: undefined,
    priorityCode: undefined,
  };
}

function pendingRow(key: string, attempts: number, lastAttemptAt: number | null = null): LedgerRow {
  return {
    key,
    state: 'pending',
    workOrderNumber: workOrderNumberFor(key),
    attempts,
    lastAttemptAt,
    skipReason: null,
    lastError: attempts > 0 ? 'HTTP 503' : null,
    plan: planFor(key),
    hostId: null,
  };
}

const KEY = 'C-1|CV-01|2025-01-31';
const NUMBER = workOrderNumberFor(KEY);
const nothingPlanned = { plans: [], skipped: [] };

describe('decideGeneration', () => {
  it('writes a pending row before it creates a new occurrence on the host, with the number from the key', () => {
    const planned = planWorkOrders(
      {
        id: 'C-1',
        type: 'preventive',
        startDate: '2025-01-01',
        debtorNumber: 'D100',
        objectCodes: ['CV-01'],
        daysInAdvance: 30,
        schedule: { unit: 'month', day: 31 },
      },
      { asOf: '2025-01-01T08:00:00Z', generatedKeys: [] },
    );
    const commands = decideGeneration({ contractId: 'C-1', planned, rows: [], now: NOW, policy });
    expect(commands.map((c) => [c.kind, c.key])).toEqual([
      ['insert-pending', KEY],
      ['create', KEY],
    ]);
    expect(commands[1]).toMatchObject({ workOrderNumber: NUMBER, attempt: 1, at: NOW });
  });

  it('records an occurrence the core skipped, with its reason, and never creates it', () => {
    const planned = {
      plans: [],
      skipped: [{ key: KEY, targetDate: '2025-01-31', reason: 'past-catch-up-limit' as const }],
    };
    const commands = decideGeneration({ contractId: 'C-1', planned, rows: [], now: NOW, policy });
    expect(commands).toEqual([
      { kind: 'insert-skipped', key: KEY, workOrderNumber: NUMBER, reason: 'past-catch-up-limit' },
    ]);
    const rows = applyCommands([], commands);
    expect(decideGeneration({ contractId: 'C-1', planned, rows, now: NOW + 1e9, policy })).toEqual([]);
  });

  it('after an attempt with no answer, waits out the back-off, then looks the number up before any retry', () => {
    const rows = [pendingRow(KEY, 1, NOW)];
    expect(decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, now: NOW + 999, policy })).toEqual([]);
    expect(decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, now: NOW + 1_000, policy })).toEqual([
      { kind: 'look-up', key: KEY, workOrderNumber: NUMBER, afterAttempts: 1 },
    ]);
  });

  it('marks the row created without posting again when the host already has the number (lost response)', () => {
    const rows = [pendingRow(KEY, 1, NOW)];
    const lookups = [{ key: KEY, workOrderNumber: NUMBER, afterAttempts: 1, found: true as const, hostId: 'W-9' }];
    expect(decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, lookups, now: NOW, policy })).toEqual([
      { kind: 'mark-created', key: KEY, workOrderNumber: NUMBER, hostId: 'W-9' },
    ]);
  });

  it('retries when the look-up found nothing, and ignores a look-up taken before the latest attempt', () => {
    const rows = [pendingRow(KEY, 2, NOW)];
    const later = NOW + 2_000;
    const notFound = { key: KEY, workOrderNumber: NUMBER, afterAttempts: 2, found: false as const };
    expect(
      decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, lookups: [notFound], now: later, policy }),
    ).toMatchObject([{ kind: 'create', key: KEY, attempt: 3, at: later }]);
    const stale = { ...notFound, afterAttempts: 1 };
    expect(
      decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, lookups: [stale], now: later, policy }),
    ).toMatchObject([{ kind: 'look-up', afterAttempts: 2 }]);
  });

  it('marks the row failed with the last error once every attempt is spent and the host has nothing', () => {
    const rows = [pendingRow(KEY, 3, NOW)];
    const lookups = [{ key: KEY, workOrderNumber: NUMBER, afterAttempts: 3, found: false as const }];
    expect(
      decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, lookups, now: NOW + 4_000, policy }),
    ).toEqual([{ kind: 'mark-failed', key: KEY, workOrderNumber: NUMBER, attempts: 3, lastError: 'HTTP 503' }]);
  });

  it('leaves a created row alone, even when the core plans its key again', () => {
    const rows = [{ ...pendingRow(KEY, 1, NOW), state: 'created' as const, hostId: 'W-9' }];
    const planned = { plans: [planFor(KEY)], skipped: [] };
    expect(decideGeneration({ contractId: 'C-1', planned, rows, now: NOW + 1e9, policy })).toEqual([]);
  });

  it('refuses a ledger that breaks its invariants with a PowerUpError naming the field', () => {
    const wrongNumber = { ...pendingRow(KEY, 0), workOrderNumber: 'CB-0000000000000' };
    const duplicate = [pendingRow(KEY, 0), pendingRow(KEY, 0)];
    const otherContract = [pendingRow('C-2|CV-01|2025-01-31', 0)];
    for (const [rows, path] of [
      [[wrongNumber], ['rows', 0, 'workOrderNumber']],
      [duplicate, ['rows', 1, 'key']],
      [otherContract, ['rows', 0, 'key']],
    ] as const) {
      const error = catchError(() => decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows, now: NOW }));
      expect(error).toBeInstanceOf(PowerUpError);
      expect(error).toMatchObject({ code: 'invalid-input', path });
    }
    const noWait = { ...policy, baseDelayMs: 0 };
    const error = catchError(() =>
      decideGeneration({ contractId: 'C-1', planned: nothingPlanned, rows: [], now: NOW, policy: noWait }),
    );
    expect(error).toMatchObject({ code: 'invalid-input', path: ['policy', 'baseDelayMs'] });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
