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

const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/**
 * An answer's body: `answerJson`'s text, or for a frozen value its UTF-8 bytes, made once. A list page is kilobytes
 * of text, and a socket given text counts its bytes and encodes it again on every write; given the bytes, it takes
 * them as they are.
 */
export function answerBody(value: unknown): string | Uint8Array<ArrayBuffer> {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return answerJson(value);
  let body = bodies.get(value);
  if (body === undefined) {
    body = Buffer.from(answerJson(value));
    bodies.set(value, body);
  }
  return body;
}
