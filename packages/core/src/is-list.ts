/**
 * `Array.isArray` for values typed as readonly arrays: the built-in guard narrows a `readonly T[]` to `any[]`, which
 * would turn every element into `any` right where hostile input is being checked.
 */
export function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
