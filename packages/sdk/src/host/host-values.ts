/**
 * Readers for the host's scalars, which arrive as strings (`"1"`, `"4,55"`, `"0.00"`), sometimes as numbers, often
 * as `null` or `""`. Each returns `null` for "no value" and throws nothing: a model keeps its raw record beside.
 */

/** `"4,55"`, `"65.00"`, `12` → a number; `""`/`null` → `null`. Both decimal separators occur in the same API. */
export function hostDecimal(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const normalized = value.trim().replace(/\s/g, '');
  // "1.234,56" (thousands dot, decimal comma) and "1,234.56" both occur in the wild; the last separator decides.
  const lastComma = normalized.lastIndexOf(',');
  const lastDot = normalized.lastIndexOf('.');
  const decimal = lastComma > lastDot ? normalized.replace(/\./g, '').replace(',', '.') : normalized.replace(/,/g, '');
  const number = Number(decimal);
  return Number.isFinite(number) ? number : null;
}

/** A decimal amount of euros as integer cents, exactly (`"12,50"` → 1250), or `null`. */
export function hostCents(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (match === null) {
    const number = hostDecimal(value);
    return number === null ? null : Math.round(number * 100);
  }
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

export function hostInteger(value: unknown): number | null {
  const number = hostDecimal(value);
  return number === null ? null : Math.trunc(number);
}

/** `"0"`/`"1"` (or booleans, numbers) → boolean; anything else → `null`. */
export function hostFlag(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  return null;
}

/** A string, number or boolean as text; `""`, `null` and objects → `null` (`[object Object]` helps no one). */
export function hostText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** The host's work-order date `d-m-Y` → `'YYYY-MM-DD'`; `""`/invalid → `null`. */
export function fromHostDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value.trim()) : null;
  return match ? `${match[3]}-${(match[2] as string).padStart(2, '0')}-${(match[1] as string).padStart(2, '0')}` : null;
}

/** A `Y-m-d`, `Y-m-d H:i` or `Y-m-d H:i:s` stamp → `'YYYY-MM-DDTHH:mm:ss'` (host-local time), or `null` (also for the zero date). */
export function fromHostStamp(value: unknown): string | null {
  const match =
    typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim()) : null;
  if (match === null || (match[1] as string).startsWith('0000')) return null;
  return match[2] === undefined ? (match[1] as string) : `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}`;
}

/** `'2025-03-15'` → `'15-03-2025'`. */
export function toHostDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new TypeError(`toHostDate: '${isoDate}' is not a date 'YYYY-MM-DD'`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}
