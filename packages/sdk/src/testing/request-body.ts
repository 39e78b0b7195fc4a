/** What the sandbox accepts by default: far more than any real batch, far less than a runaway test can send. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A request's body as text, or `undefined` when it is longer than `limit` bytes. Reading stops as soon as the limit
 * is passed, so an endless or huge body costs at most `limit` bytes of memory.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return undefined;
  if (request.body === null) return '';
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
