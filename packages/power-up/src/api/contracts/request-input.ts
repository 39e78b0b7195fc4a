import * as z from 'zod';
import { PowerUpError } from '../../power-up-error.js';

/** The first issue of a failed parse as our error: its message, and the field it is about (under `root`). */
function invalid(error: z.core.$ZodError, root: readonly string[]): PowerUpError {
  const issue = error.issues[0]!;
  const path = [...root, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
  const message = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  return new PowerUpError('invalid-input', message, { path });
}

/** A JSON body checked against the route's schema; an absent or unparseable body is refused naming `body`. */
export function parseBody<S extends z.core.$ZodType>(schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PowerUpError('invalid-input', 'send a JSON body (Content-Type: application/json).', { path: ['body'] });
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw invalid(parsed.error, []);
  return parsed.data;
}

/** The schema under optional/default wrappers, to see what type a query parameter is meant to have. */
function innerType(schema: z.ZodType): z.ZodType {
  let current = schema as z.ZodType & { unwrap?: () => z.ZodType; def: { type: string; innerType?: z.ZodType } };
  while (['optional', 'default', 'nullable', 'prefault'].includes(current.def.type)) {
    current = current.def.innerType ?? current.unwrap!();
  }
  return current;
}

/** A query value as the type the schema expects: query strings only carry text. */
function coerce(schema: z.ZodType, value: string): unknown {
  switch (innerType(schema).def.type) {
    case 'number':
    case 'int':
      return value.trim() === '' ? value : Number(value);
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

/**
 * The query string checked against the route's schema: numbers and booleans read from their text, and a parameter
 * the route does not know refused by name (a typo such as `?limt=5` would otherwise be ignored in silence).
 */
export function parseQuery<S extends z.ZodObject>(schema: S, search: URLSearchParams): z.output<S> {
  if (search.size === 0) return withoutQuery(schema);
  const shape = schema.shape as Record<string, z.ZodType>;
  const raw: Record<string, unknown> = {};
  for (const [name, value] of search) {
    const field = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (field === undefined) {
      const known = Object.keys(shape).join(', ') || 'none';
      throw new PowerUpError('invalid-input', `is not a parameter of this route (known: ${known}).`, { path: [name] });
    }
    if (Object.hasOwn(raw, name)) {
      throw new PowerUpError('invalid-input', 'give this parameter once.', { path: [name] });
    }
    raw[name] = coerce(field, value);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, []);
  return parsed.data;
}

// A route's answer to no query at all (its defaults), checked once: most reads send none.
const noQuery = new WeakMap<z.ZodObject, unknown>();

function withoutQuery<S extends z.ZodObject>(schema: S): z.output<S> {
  const known = noQuery.get(schema);
  if (known !== undefined) return known as z.output<S>;
  const result = schema.safeParse({});
  if (!result.success) throw invalid(result.error, []);
  noQuery.set(schema, Object.freeze(result.data));
  return result.data;
}
