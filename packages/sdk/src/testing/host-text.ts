/**
 * A request value as the host stores it: scalars as their text, and anything structured as JSON rather than the
 * `[object Object]` that `String` would store.
 */
export function hostText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
