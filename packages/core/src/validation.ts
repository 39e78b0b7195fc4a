import * as z from 'zod/mini';
import { CoreError, echo, type CoreErrorCode } from './errors.js';
import { parseLocalSeconds } from './time/civil.js';
import { MAX_DATE, MIN_DATE } from './time/date-range.js';
import { TIME_OF_DAY_WITH_SECONDS } from './time/time-of-day.js';

// The engine validates with zod's tree-shakable "mini" build: the classic build adds ~90 KB gzipped to every
// browser bundle. Mini has no message locale, so the few messages zod writes itself are phrased here.

/**
 * Checks that an argument of a function without a schema is an object (not null, not an array); the error names
 * `path`. The engine's plain functions are called from JavaScript too, where nothing stops an `undefined`.
 */
export function requireObject(
  value: unknown,
  path: readonly (string | number)[],
  what = 'an object',
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CoreError('invalid-input', `expected ${what}, got ${echo(value)}.`, { path });
  }
  return value as Record<string, unknown>;
}

/** Checks that an argument is an array (holes read as `undefined`, so check each item too). */
export function requireArray(
  value: unknown,
  path: readonly (string | number)[],
  what = 'an array',
): readonly unknown[] {
  if (!Array.isArray(value)) throw new CoreError('invalid-input', `expected ${what}, got ${echo(value)}.`, { path });
  return value;
}

/** Checks that an argument is text of at most `max` characters. */
export function requireString(value: unknown, path: readonly (string | number)[], what = 'text', max = 65_535): string {
  if (typeof value !== 'string')
    throw new CoreError('invalid-input', `expected ${what}, got ${echo(value)}.`, { path });
  if (value.length > max) throw new CoreError('invalid-input', `${what} is longer than ${max} characters.`, { path });
  return value;
}

/** A whole number within bounds, with messages that say the bounds. */
export function wholeNumber(min: number, max: number, unit = '') {
  const range = `${min}–${max}${unit}`;
  return z
    .number({ error: `expected a whole number ${range}` })
    .check(
      z.refine(Number.isInteger, { error: `must be a whole number ${range}`, abort: true }),
      z.minimum(min, { error: `must be at least ${min}${unit}` }),
      z.maximum(max, { error: `must be at most ${max}${unit}` }),
    );
}

/** A non-empty code or number as the host keeps them (varchar 255), trimmed. */
export function codeText(what: string) {
  return z
    .string({ error: `expected ${what} as text` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${what} may not be empty` }),
      z.maxLength(255, { error: `${what} is longer than the host's 255 characters` }),
    );
}

/** Marks a zod issue that {@link parseInput} reports with its own error code rather than the default. */
const OUT_OF_RANGE = { coreCode: 'date-out-of-range' } as const;
const RANGE_MESSAGE = `falls outside the supported dates ${MIN_DATE} – ${MAX_DATE}: use a date inside that range`;

/** A local calendar date `'YYYY-MM-DD'` that exists, from 0001-01-01 through 9999-12-31 (see `MIN_DATE`). */
export const localDateSchema = z.string({ error: "expected a date 'YYYY-MM-DD'" }).check(
  // A five-digit or signed year is a date, just not one the engine supports: the second check says so.
  z.regex(/^[+-]?\d{4,}-\d{2}-\d{2}$/, { error: "use 'YYYY-MM-DD'", abort: true }),
  z.refine((text) => text.length === 10 && text >= MIN_DATE, {
    error: RANGE_MESSAGE,
    params: OUT_OF_RANGE,
    abort: true,
  }),
  z.refine((text) => parseLocalSeconds(text) !== undefined, { error: 'is not a date that exists' }),
);

/**
 * "Now" as the caller gives it: a UTC instant `'YYYY-MM-DDTHH:mm:ssZ'`, the `asOf` of every function that needs a
 * today. The schema checks it is text; turning it into the tenant's date (`localDateAt`) reads the instant itself.
 */
export const asOfSchema = z.string({ error: "expected a UTC instant 'YYYY-MM-DDTHH:mm:ssZ'" });

/** A local time of day `'HH:mm'` (seconds optional). */
export const timeOfDaySchema = z
  .string({ error: "expected a time of day 'HH:mm'" })
  .check(z.regex(TIME_OF_DAY_WITH_SECONDS, { error: "use 'HH:mm' (00:00–23:59)" }));

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.message !== 'Invalid input' || issue.code === 'custom') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected} (missing or of the wrong type)`;
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return `is not valid (${issue.code})`;
  }
}

/**
 * Values this module produced by parsing. Passing one back (a parsed contract to `planWorkOrders`, say) skips the
 * second validation; a changed copy (`{ ...contract, daysInAdvance: 7 }`) is a new object and is checked again.
 * Parsed values must therefore not be mutated in place.
 */
const trusted = new WeakSet<object>();

/** Marks a value as already valid for the schema it was parsed with (see `trusted`). */
export function trust<T>(value: T): T {
  if (typeof value === 'object' && value !== null) trusted.add(value);
  return value;
}

/** Like {@link parseInput}, but returns a value this module parsed before as it is, and remembers new results. */
export function parseTrusted<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  options: { code?: CoreErrorCode; path?: readonly (string | number)[] } = {},
): z.output<Schema> {
  if (typeof value === 'object' && value !== null && trusted.has(value)) return value as z.output<Schema>;
  return trust(parseInput(schema, value, options));
}

/**
 * Parses input at the engine's edge with a zod schema. On failure the error names the first offending field
 * (`schedule.weekdays: …`) and lists any further problems, so a caller can fix everything in one go.
 */
export function parseInput<Schema extends z.ZodMiniType>(
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
      return {
        path: [...path, issue.keys[0] as string],
        message: 'is not a known field: remove it (or check its spelling)',
      };
    }
    return { path, message: describeIssue(issue) };
  });
  const [first, ...others] = issues as [(typeof issues)[number], ...typeof issues];
  const more =
    others.length === 0
      ? ''
      : ` (also: ${others.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`;
  const firstIssue = parsed.error.issues[0] as z.core.$ZodIssue;
  const code =
    firstIssue.code === 'custom' && firstIssue.params?.['coreCode'] === 'date-out-of-range'
      ? 'date-out-of-range'
      : undefined;
  throw new CoreError(code ?? options.code ?? 'invalid-input', `${first.message}${more}`, { path: first.path });
}
