import type { GenerationCommand } from './generation-command.js';
import { generationInputError } from './generation-input-error.js';
import type { LedgerRow } from './ledger-row.js';

/**
 * The ledger after the shell carried out `commands` and no host call has answered yet: what the decision can know.
 * The reference for the shell's SQL (each write is guarded the same way) and for the property tests. A `create`
 * counts its attempt (the write before the POST); its outcome is the shell's to record. A `look-up` writes nothing.
 */
export function applyCommands(rows: readonly LedgerRow[], commands: readonly GenerationCommand[]): LedgerRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  commands.forEach((command, i) => {
    const row = byKey.get(command.key);
    const fail = (message: string) => generationInputError(['commands', i], message);
    const base = { key: command.key, workOrderNumber: command.workOrderNumber, lastAttemptAt: null, lastError: null };
    switch (command.kind) {
      case 'insert-pending':
        if (row !== undefined) throw fail('insert a row only for a key that has none.');
        byKey.set(command.key, {
          ...base,
          state: 'pending',
          attempts: 0,
          skipReason: null,
          plan: command.plan,
          hostId: null,
        });
        return;
      case 'insert-skipped':
        if (row !== undefined) throw fail('insert a row only for a key that has none.');
        byKey.set(command.key, {
          ...base,
          state: 'skipped',
          attempts: 0,
          skipReason: command.reason,
          plan: null,
          hostId: null,
        });
        return;
      case 'create':
        if (row?.state !== 'pending' || row.attempts !== command.attempt - 1) {
          throw fail('create only from a pending row whose attempts are one fewer.');
        }
        byKey.set(command.key, { ...row, attempts: command.attempt, lastAttemptAt: command.at });
        return;
      case 'look-up':
        if (row === undefined) throw fail('look up only keys that have a row.');
        return;
      case 'mark-created':
        if (row?.state !== 'pending' && row?.state !== 'failed')
          throw fail('mark created only a pending or failed row.');
        byKey.set(command.key, { ...row, state: 'created', hostId: command.hostId });
        return;
      case 'mark-failed':
        if (row?.state !== 'pending') throw fail('mark failed only a pending row.');
        byKey.set(command.key, { ...row, state: 'failed', lastError: command.lastError });
        return;
    }
  });
  return [...byKey.values()];
}
