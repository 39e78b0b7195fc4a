import { ValidationError } from './sdk-error.js';

/**
 * Checks for what callers pass in, so a wrong argument fails at once with a `ValidationError` that names it and says
 * what to give, instead of a `TypeError` deep inside or a request that can never succeed. `where` names the function
 * (`createHostClient`, `workOrders.get`), `name` the argument or option.
 */

/** Shows a value in a message: short, and never the whole of a long string (it may be a secret pasted wrongly). */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function checkInteger(value: unknown, where: string, name: string, min: number, max: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = `from ${min} to ${max}`;
    throw new ValidationError(`${where}: ${name} must be a whole number${unit} ${range} (got ${shown(value)}).`);
  }
  return value;
}

export function checkText(value: unknown, where: string, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(`${where}: give ${name} as a non-empty string (got ${shown(value)}).`);
  }
  return value;
}

/** An object of named options or arguments (`undefined` when optional and absent). */
export function checkRecord(
  value: unknown,
  where: string,
  name: string,
  optional: boolean,
): Record<string, unknown> | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${where}: ${name} must be an object (got ${shown(value)}).`);
  }
  return value as Record<string, unknown>;
}

export function checkFunction(value: unknown, where: string, name: string): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new ValidationError(`${where}: ${name} must be a function (got ${shown(value)}).`);
  }
}

/** An absolute http(s) URL; the credentials in it, if any, are not shown. */
export function checkHttpUrl(value: unknown, where: string, name: string): string {
  const text = checkText(value, where, name);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ValidationError(`${where}: ${name} must be an absolute http(s) URL such as 'https://example.com/api'.`);
  }
  return text;
}

/** Half of a UTF-16 pair without its other half: no URL or header can carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A value that travels in a header or a path: no line breaks or other control characters, no lone surrogates. */
export function checkPrintable(value: unknown, where: string, name: string): string {
  const text = checkText(value, where, name);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text) || LONE_SURROGATE.test(text)) {
    throw new ValidationError(`${where}: ${name} holds control characters or broken Unicode; pass it as received.`);
  }
  return text;
}
