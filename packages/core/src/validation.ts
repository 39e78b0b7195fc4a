import type { z } from 'zod';
import { CoreError, type CoreErrorCode } from './errors.js';

/**
 * Parses input at the engine's edge with a zod schema. On failure the error names the first offending field
 * (`schedule.weekdays.0: …`) and lists any further problems, so a caller can fix everything in one go.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  options: { code?: CoreErrorCode; path?: readonly (string | number)[] } = {},
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const prefix = options.path ?? [];
  const issues = parsed.error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    // An unknown field is named by its own path, so the caller sees which one to remove.
    if (issue.code === 'unrecognized_keys') {
      return { path: [...path, issue.keys[0] as string], message: `is not a known field: remove it (or check its spelling)` };
    }
    return { path, message: issue.message };
  });
  const [first, ...others] = issues as [(typeof issues)[number], ...typeof issues];
  const more = others.length === 0 ? '' : ` (also: ${others.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`;
  return throwInvalid(options.code ?? 'invalid-input', `${first.message}${more}`, first.path);
}

function throwInvalid(code: CoreErrorCode, message: string, path: (string | number)[]): never {
  throw new CoreError(code, message, { path });
}
