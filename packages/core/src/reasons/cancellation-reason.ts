import * as z from 'zod/mini';
import { clip, CoreError } from '../errors.js';
import { codeText, parseInput, requireArray, requireObject, requireString } from '../validation.js';

/** A cancellation reason (settings): chosen when terminating, archived rather than deleted once used. */
export const cancellationReasonSchema = z.strictObject({
  code: codeText('the reason code'),
  label: codeText('the label'),
  archived: z._default(z.boolean({ error: 'expected true or false' }), false),
});
export type CancellationReasonInput = z.input<typeof cancellationReasonSchema>;
export type CancellationReason = z.output<typeof cancellationReasonSchema>;

/** What a termination keeps of its reason: the code and the label as it read that day, so history never changes. */
export type ReasonSnapshot = { reasonCode: string; reasonLabel: string };

/**
 * The reason for a new termination, checked against the tenant's list: it must exist and not be archived, and it
 * must be given when the tenant requires one. Returns the snapshot to store on the termination.
 *
 * @example
 * const reasons = [{ code: 'VERHUISD', label: 'Klant verhuisd' }];
 * snapshotReason(reasons, 'VERHUISD', { required: true }); // { reasonCode: 'VERHUISD', reasonLabel: 'Klant verhuisd' }
 */
export function snapshotReason(
  reasonsInput: readonly CancellationReasonInput[],
  code: string | undefined,
  options: { required: boolean },
): ReasonSnapshot | undefined {
  const { required } = requireObject(options, ['options'], 'options { required }');
  if (code !== undefined) requireString(code, ['reasonCode'], 'a reason code', 255);
  if (code === undefined || code === '') {
    if (required === true) {
      throw new CoreError(
        'invalid-input',
        'this tenant requires a cancellation reason: choose one of the reasons in settings.',
        {
          path: ['reasonCode'],
        },
      );
    }
    return undefined;
  }
  const reasons = Array.from(requireArray(reasonsInput, ['reasons'], 'an array of reasons'), (reason, i) =>
    parseInput(cancellationReasonSchema, reason, { path: ['reasons', i] }),
  );
  const reason = reasons.find((r) => r.code === code);
  if (reason === undefined) {
    throw new CoreError(
      'invalid-input',
      `'${clip(code)}' is not a cancellation reason: use one of ${
        clip(
          reasons
            .filter((r) => !r.archived)
            .map((r) => r.code)
            .join(', '),
          200,
        ) || '(none set up)'
      }.`,
      {
        path: ['reasonCode'],
      },
    );
  }
  if (reason.archived) {
    throw new CoreError('invalid-input', `'${clip(code)}' is archived: choose a current reason.`, {
      path: ['reasonCode'],
    });
  }
  return { reasonCode: reason.code, reasonLabel: reason.label };
}

/**
 * Whether a reason may be deleted: only while no termination uses it. A used reason is archived instead, which
 * keeps it out of new terminations and keeps reports intact.
 *
 * @example
 * reasonDeletion('PRIJS', ['VERHUISD']);          // { allowed: true }
 * reasonDeletion('PRIJS', ['VERHUISD', 'PRIJS']); // { allowed: false, reason: "'PRIJS' is used by terminations: archive it …" }
 */
export function reasonDeletion(
  code: string,
  usedCodes: Iterable<string>,
): { allowed: true } | { allowed: false; reason: string } {
  requireString(code, ['code'], 'a reason code', 255);
  if (
    typeof (usedCodes as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function' ||
    typeof usedCodes === 'string'
  ) {
    throw new CoreError('invalid-input', 'expected the codes in use as an array or a Set.', { path: ['usedCodes'] });
  }
  for (const used of usedCodes) {
    if (used === code) {
      return {
        allowed: false,
        reason: `'${clip(code)}' is used by terminations: archive it instead of deleting it, so history keeps its label.`,
      };
    }
  }
  return { allowed: true };
}

/**
 * What to tell the person relabelling a reason that terminations already use (the knowledge base: "Wees voorzichtig
 * met redenen die al in de geschiedenis zijn gebruikt"): those terminations keep the label they were recorded with,
 * so reports show both labels until the old ones age out. `undefined` when nothing is relabelled or nothing uses it.
 *
 * @example
 * relabelWarning({ code: 'PRIJS', label: 'Te duur' }, { code: 'PRIJS', label: 'Prijs te hoog' }, 3);
 * // "'PRIJS' is used by 3 terminations: they keep the label 'Te duur'; new terminations get 'Prijs te hoog'. …"
 */
export function relabelWarning(
  before: CancellationReasonInput | undefined,
  after: CancellationReasonInput,
  terminationCount: number,
): string | undefined {
  const next = parseInput(cancellationReasonSchema, after, { path: ['reason'] });
  if (before === undefined) return undefined;
  const previous = parseInput(cancellationReasonSchema, before, { path: ['before'] });
  if (!Number.isSafeInteger(terminationCount) || terminationCount < 0) {
    throw new CoreError('invalid-input', 'expected the number of terminations as a whole number ≥ 0.', {
      path: ['terminationCount'],
    });
  }
  if (previous.label === next.label || terminationCount === 0) return undefined;
  const uses = terminationCount === 1 ? '1 termination' : `${terminationCount} terminations`;
  return (
    `'${clip(next.code)}' is used by ${uses}: they keep the label '${clip(previous.label)}'; new terminations get ` +
    `'${clip(next.label)}'. If the meaning changed rather than the wording, add a new reason and archive this one ` +
    'instead, so the report keeps the two apart.'
  );
}
