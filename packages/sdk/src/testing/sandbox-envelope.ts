/**
 * The host's answer shape: HTTP 200 for every answer, with the outcome as an application `code` in the body. Stores
 * return envelopes rather than Responses so they can be tested without HTTP.
 */
export type Envelope = { code: number; messages: string[]; response: unknown };

export function envelope(code: number, response: unknown = null, messages: string[] = []): Envelope {
  return { code, messages, response };
}

/** The HTTP response the host sends for an envelope: always 200, whatever the code says. */
export function envelopeResponse(answer: Envelope): Response {
  return new Response(JSON.stringify(answer), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
