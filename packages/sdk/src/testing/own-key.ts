/**
 * `map[key]` only when `key` is the map's own property. Keys that come from a request (`__proto__`, `constructor`,
 * `toString`) must never reach `Object.prototype`: the sandbox runs inside the test runner's process.
 */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
