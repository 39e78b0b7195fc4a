/**
 * The operating system's code for a failed connection (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `ETIMEDOUT`, …).
 * Node's fetch throws "fetch failed" and keeps the code on its cause (sometimes one level deeper), so it is looked
 * for down the chain.
 */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z0-9_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What went wrong, from an error and its causes: Node's fetch says only "fetch failed" and puts the reason
 * ("connect ECONNREFUSED 127.0.0.1:4010", "getaddrinfo ENOTFOUND …", "bad port") on its cause.
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : typeof current === 'string' ? current : '';
    if (message !== '' && !parts.includes(message)) parts.push(message);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return parts.length > 0 ? parts.join(': ') : 'no reason given';
}
