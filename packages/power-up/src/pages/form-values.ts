import type * as z from 'zod';

/**
 * What a posted form carries: each field's text, or its texts when it repeats (checkboxes). Field names are the
 * dotted paths of the API body (`schedule.unit`, `budget.amount`), so an error's path finds its field.
 */
export type FormValues = Record<string, string | string[]>;

/** The posted form (urlencoded or multipart) as {@link FormValues}; files are ignored. */
export function formValuesOf(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) values[name] = value.filter((item): item is string => typeof item === 'string');
    else if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** One field's text (the first when it repeats), trimmed; `''` when absent. */
export function textOf(values: FormValues, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** A repeating field's texts (checkboxes), without the empty ones. */
export function listOf(values: FormValues, name: string): string[] {
  const value = values[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * A whole number from a field; text that is not one goes through as it is, so the API's schema refuses it naming the
 * field (one place decides what is valid). `undefined` for an empty field.
 */
export function wholeNumberOf(values: FormValues, name: string): number | string | undefined {
  const text = textOf(values, name);
  if (text === '') return undefined;
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

/**
 * An amount typed by a person — `1200`, `1.200,50`, `1,200.50`, `€ 99,95` — as integer minor units (cents). The last
 * separator followed by one or two digits is the decimal one, whatever the language; others group thousands. Text
 * that is no amount goes through as it is, for the schema to refuse naming the field.
 */
export function centsOf(values: FormValues, name: string): number | string | undefined {
  const text = textOf(values, name);
  if (text === '') return undefined;
  const bare = text.replace(/[€\s\u00a0]/g, '');
  const match = /^(-?)([\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(bare);
  if (match === null || !/^\d{1,3}([.,]?\d{3})*$|^\d+$/.test(match[2] || '0')) return text;
  const whole = (match[2] ?? '').replace(/[.,]/g, '') || '0';
  const fraction = (match[3] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  if (!Number.isSafeInteger(cents)) return text;
  return match[1] === '-' ? -cents : cents;
}

/** A field error as a page shows it: the field's name (a dotted path) and the message. */
export type FieldError = { field: string; message: string };

/**
 * The field an error path is about, among the form's fields: the longest field name that is a prefix of the path
 * (`budget.amount.amount` → `budget.amount`), after dropping a leading `changes` (an edit's body). An error about
 * no field of the form is `''`: the page shows it above the form.
 */
export function fieldOfPath(path: readonly (string | number)[], fields: readonly string[]): string {
  const parts = path[0] === 'changes' ? path.slice(1) : path;
  for (let length = parts.length; length > 0; length--) {
    const name = parts.slice(0, length).join('.');
    if (fields.includes(name)) return name;
  }
  return '';
}

/** Every issue of a failed parse, each on its field: a form shows all its mistakes at once, not one per post. */
export function fieldErrorsOf(error: z.core.$ZodError, fields: readonly string[]): FieldError[] {
  return error.issues.map((issue) => ({
    field: fieldOfPath(
      issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
      fields,
    ),
    message: issue.message,
  }));
}
