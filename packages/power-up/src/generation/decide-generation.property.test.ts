import type { SkippedOccurrence, WorkOrderPlan } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PowerUpError } from '../power-up-error.js';
import { applyCommands } from './apply-commands.js';
import { decideGeneration, type GenerationInput } from './decide-generation.js';
import type { GenerationCommand } from './generation-command.js';
import type { HostLookup } from './host-lookup.js';
import type { LedgerRow, LedgerState } from './ledger-row.js';

const CONTRACT = 'C-1';
const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const START = Date.UTC(2025, 0, 1);

function planFor(key: string): WorkOrderPlan {
  const targetDate = key.split('|')[2] ?? '';
  return {
    key,
    contractId: CONTRACT,
    debtorNumber: 'D100',
    objectCodes: ['CV-01'],
    targetDate,
    creationDate: targetDate,
    late: false,
    timing: { kind: 'deadline', deadline: targetDate },
    workType: 'Onderhoud',
    description: 'Onderhoud',
    durationMinutes: undefined,
    priorityCode: undefined,
  };
}

const keyArb = fc
  .integer({ min: 1, max: 12 })
  .map((day) => `${CONTRACT}|CV-01|2025-01-${String(day).padStart(2, '0')}`);

/** What the ledger and the core say about one key: a row or none, planned, skipped or neither, and a look-up. */
const occurrenceArb = fc.record({
  row: fc.option(
    fc.record({
      state: fc.constantFrom<LedgerState>('pending', 'created', 'skipped', 'failed'),
      attempts: fc.integer({ min: 0, max: 6 }),
      lastAttemptAt: fc.integer({ min: START, max: START + 20_000 }),
      lastError: fc.option(fc.constantFrom('HTTP 500', 'HTTP 429', 'timeout')),
    }),
  ),
  core: fc.constantFrom('planned', 'skipped', 'neither'),
  lookup: fc.option(fc.record({ stale: fc.boolean(), found: fc.boolean() })),
});

const worldArb = fc.record({
  occurrences: fc.uniqueArray(fc.tuple(keyArb, occurrenceArb), { selector: ([key]) => key, maxLength: 10 }),
  now: fc.integer({ min: START, max: START + 40_000 }),
});

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function inputOf(world: World): GenerationInput {
  const rows: LedgerRow[] = [];
  const lookups: HostLookup[] = [];
  const plans: WorkOrderPlan[] = [];
  const skipped: SkippedOccurrence[] = [];
  for (const [key, occurrence] of world.occurrences) {
    const workOrderNumber = workOrderNumberFor(key);
    if (occurrence.row !== null) {
      const { state, attempts, lastAttemptAt, lastError } = occurrence.row;
      rows.push({
        key,
        state,
        workOrderNumber,
        attempts,
        lastAttemptAt: attempts > 0 ? lastAttemptAt : null,
        skipReason: state === 'skipped' ? 'past-catch-up-limit' : null,
        lastError,
        plan: state === 'skipped' ? null : planFor(key),
        hostId: state === 'created' ? 'W-1' : null,
      });
      if (occurrence.lookup !== null && (state === 'pending' || state === 'failed')) {
        const afterAttempts = occurrence.lookup.stale ? Math.max(attempts - 1, 0) : attempts;
        lookups.push(
          occurrence.lookup.found
            ? { key, workOrderNumber, afterAttempts, found: true, hostId: 'W-2' }
            : { key, workOrderNumber, afterAttempts, found: false },
        );
      }
    }
    if (occurrence.core === 'planned') plans.push(planFor(key));
    if (occurrence.core === 'skipped') {
      skipped.push({ key, targetDate: key.split('|')[2] ?? '', reason: 'past-catch-up-limit' });
    }
  }
  return { contractId: CONTRACT, planned: { plans, skipped }, rows, lookups, now: world.now, policy };
}

function commandsFor(commands: readonly GenerationCommand[], key: string): GenerationCommand[] {
  return commands.filter((command) => command.key === key);
}

const isLedgerWrite = (command: GenerationCommand) => command.kind !== 'look-up';

describe('decideGeneration, over random plans, ledgers and look-ups', () => {
  it('never decides two creates for one key', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const keys = decideGeneration(inputOf(world))
          .filter((c) => c.kind === 'create')
          .map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('creates only from a new pending row, an untried one, or after a current look-up that found nothing', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = inputOf(world);
        const commands = decideGeneration(input);
        for (const create of commands.filter((c) => c.kind === 'create')) {
          const row = input.rows.find((r) => r.key === create.key);
          if (row === undefined) {
            const own = commandsFor(commands, create.key).map((c) => c.kind);
            expect(own).toEqual(['insert-pending', 'create']);
            continue;
          }
          expect(row.state).toBe('pending');
          if (row.attempts > 0) {
            const lookup = input.lookups?.find((l) => l.key === row.key);
            expect(lookup).toMatchObject({ found: false, afterAttempts: row.attempts });
            expect(row.attempts).toBeLessThan(policy.maxAttempts);
          }
        }
      }),
    );
  });

  it('turns a pending or failed row whose current look-up found the number into created, without a create', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = inputOf(world);
        const commands = decideGeneration(input);
        for (const lookup of input.lookups ?? []) {
          const row = input.rows.find((r) => r.key === lookup.key) as LedgerRow;
          if (!lookup.found || lookup.afterAttempts !== row.attempts) continue;
          expect(commandsFor(commands, row.key)).toEqual([
            { kind: 'mark-created', key: row.key, workOrderNumber: row.workOrderNumber, hostId: 'W-2' },
          ]);
        }
      }),
    );
  });

  it('never touches created or skipped rows', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = inputOf(world);
        const commands = decideGeneration(input);
        for (const row of input.rows.filter((r) => r.state === 'created' || r.state === 'skipped')) {
          expect(commandsFor(commands, row.key)).toEqual([]);
        }
        const after = applyCommands(input.rows, commands);
        for (const row of input.rows.filter((r) => r.state === 'skipped')) {
          expect(after.find((r) => r.key === row.key)).toEqual(row);
        }
      }),
    );
  });

  it('is idempotent: after its writes, deciding again with nothing new writes nothing and asks the same look-ups', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = inputOf(world);
        const first = decideGeneration(input);
        const second = decideGeneration({ ...input, rows: applyCommands(input.rows, first) });
        expect(second.filter(isLedgerWrite)).toEqual([]);
        expect(second).toEqual(first.filter((c) => c.kind === 'look-up'));
      }),
    );
  });

  it('does not depend on the order of the rows and look-ups', () => {
    fc.assert(
      fc.property(worldArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (world, randoms) => {
        const input = inputOf(world);
        const shuffle = <T>(items: readonly T[]) =>
          items
            .map((item) => [item, randoms.next().value as number] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([item]) => item);
        const shuffled = { ...input, rows: shuffle(input.rows), lookups: shuffle(input.lookups ?? []) };
        expect(decideGeneration(shuffled)).toEqual(decideGeneration(input));
      }),
    );
  });

  it('is total: broken inputs give a PowerUpError, never another exception', () => {
    const brokenArb = fc.record({
      world: worldArb,
      wrongNumberAt: fc.option(fc.nat()),
      duplicateAt: fc.option(fc.nat()),
      now: fc.oneof(fc.constant(undefined), fc.double(), fc.constant(-1)),
      maxAttempts: fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 3 }), fc.double()),
    });
    fc.assert(
      fc.property(brokenArb, ({ world, wrongNumberAt, duplicateAt, now, maxAttempts }) => {
        const input = inputOf(world);
        const rows = [...input.rows];
        if (wrongNumberAt !== null && rows.length > 0) {
          const i = wrongNumberAt % rows.length;
          rows[i] = { ...(rows[i] as LedgerRow), workOrderNumber: 'CB-X' };
        }
        if (duplicateAt !== null && rows.length > 0) rows.push(rows[duplicateAt % rows.length] as LedgerRow);
        const broken = {
          ...input,
          rows,
          now: now ?? input.now,
          policy: { ...policy, maxAttempts: maxAttempts ?? policy.maxAttempts },
        };
        try {
          const commands = decideGeneration(broken);
          expect(Array.isArray(commands)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PowerUpError);
        }
      }),
    );
  });
});

describe('decideGeneration run tick by tick against a host that fails, and commits then drops responses', () => {
  it('ends with every planned key on the host exactly once and created, or failed and absent', () => {
    const outcomeArb = fc.constantFrom('ok', 'error', 'commit-then-drop');
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { maxLength: 8 }), fc.infiniteStream(outcomeArb), (keys, outcomes) => {
        const host = new Map<string, number>();
        let rows: LedgerRow[] = [];
        let lookups: HostLookup[] = [];
        let now = START;
        const planned = { plans: keys.map(planFor), skipped: [] };
        for (let tick = 0; tick < 40; tick += 1) {
          const commands = decideGeneration({ contractId: CONTRACT, planned, rows, lookups, now, policy });
          if (commands.length === 0) break;
          lookups = [];
          for (const command of commands) {
            rows = applyCommands(rows, [command]);
            if (command.kind === 'look-up') {
              const found = host.has(command.workOrderNumber);
              lookups.push(found ? { ...command, found, hostId: command.workOrderNumber } : { ...command, found });
            }
            if (command.kind !== 'create') continue;
            const outcome = outcomes.next().value as string;
            if (outcome !== 'error') host.set(command.workOrderNumber, (host.get(command.workOrderNumber) ?? 0) + 1);
            rows = rows.map((row) => {
              if (row.key !== command.key) return row;
              return outcome === 'ok'
                ? { ...row, state: 'created', hostId: command.workOrderNumber }
                : { ...row, lastError: outcome === 'error' ? 'HTTP 503' : 'response lost' };
            });
          }
          now += policy.maxDelayMs;
        }
        expect([...host.values()].every((count) => count === 1)).toBe(true);
        expect(rows).toHaveLength(keys.length);
        for (const row of rows) {
          expect(['created', 'failed']).toContain(row.state);
          expect(host.has(row.workOrderNumber)).toBe(row.state === 'created');
        }
      }),
    );
  });
});
