const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time as the host writes it (`2025-03-15 09:30`, UTC, no seconds). Built from UTC parts, not a locale format, so
 * the sandbox's answers do not depend on the zone of the machine running the tests.
 */
export function hostStamp(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
