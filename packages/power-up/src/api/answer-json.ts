/*
 * An answer's JSON text, with the text of every frozen part made once. Frozen parts are the read cache's values (a
 * contract, a page of them): the same contract goes out in thousands of reads and list pages until it changes, and
 * turning it into text again each time cost more than the rest of such a request. A frozen value cannot change, so
 * its text cannot go stale; the memo holds it weakly and lets go with the value.
 */
const texts = new WeakMap<object, string>();

/** `JSON.stringify(value)` for the plain JSON data an answer is (objects, arrays, strings, numbers, booleans, null). */
export function answerJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value ?? null);
  if (Object.isFrozen(value)) {
    let text = texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      texts.set(value, text);
    }
    return text;
  }
  if (Array.isArray(value)) {
    // As JSON.stringify: a hole or an undefined item is null.
    return `[${Array.from(value, (item: unknown) => (item === undefined ? 'null' : answerJson(item))).join(',')}]`;
  }
  // Anything with its own idea of its JSON (a Date) is left to JSON.stringify whole.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  const members: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) members.push(`${JSON.stringify(key)}:${answerJson(item)}`);
  }
  return `{${members.join(',')}}`;
}
