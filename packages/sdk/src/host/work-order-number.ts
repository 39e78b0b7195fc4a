/**
 * The host work-order number (`WorkorderNo`) of an occurrence key: `CB-` and 13 base-36 characters of a 64-bit
 * FNV-1a hash of the key. It is derived, never stored first, so a generator that crashed between posting and
 * recording can look the number up on the host and find what it already created.
 *
 * @example
 * workOrderNumberFor('C-1|CV-01|2025-03-15'); // always the same 'CB-…' for this key
 */
export function workOrderNumberFor(occurrenceKey: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const byte of new TextEncoder().encode(occurrenceKey)) {
    hash = ((hash ^ BigInt(byte)) * prime) & mask;
  }
  return `CB-${hash.toString(36).toUpperCase().padStart(13, '0')}`;
}
