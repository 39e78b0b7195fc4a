/** The answer was larger than the cap; the reading stopped there. */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly announced: number | undefined,
  ) {
    super(`the answer exceeds ${limit} bytes`);
  }
}

/**
 * Reads a response body as UTF-8 text, refusing more than `limit` bytes: an announced `Content-Length` above it is
 * refused before reading, an unannounced body is cancelled as soon as it passes it, so a huge answer costs at most
 * `limit` bytes of memory and transfer. The caller's abort signal (the attempt's deadline) stops the read too.
 */
export function readBody(response: Response, limit: number): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > limit) {
    discard(response.body?.cancel());
    return Promise.reject(new BodyTooLarge(limit, length));
  }
  if (response.body === null) return Promise.resolve('');
  // An announced length within the cap bounds the body already (fetch refuses a body longer than announced), so the
  // platform's own reader can take it in one go: chunk-by-chunk reading costs a quarter of a loopback call's time.
  // Returned as it is, not awaited here: one promise less on every call.
  if (Number.isFinite(length)) return response.text();
  return readUnannounced(response.body as ReadableStream<Uint8Array>, limit);
}

/** Reads a body of unknown length chunk by chunk, cancelling it as soon as it passes `limit` bytes. */
async function readUnannounced(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      discard(reader.cancel());
      throw new BodyTooLarge(limit, undefined);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Cancelling a stream may settle only when the peer closes: nothing waits for it, and its failure is nobody's. */
function discard(cancelled: Promise<void> | undefined): void {
  cancelled?.catch(() => undefined);
}
