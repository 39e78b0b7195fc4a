import * as z from 'zod';
import { describeHostCode, hostError } from '../errors/error-for.js';
import { ApiError, type ContractbeheerError, type RequestInfo } from '../errors/sdk-error.js';

/** Every host answer: HTTP 200 with `{ code, messages, response }`; `code` 200 is success. */
const hostEnvelopeSchema = z.object({
  code: z.union([z.number(), z.string()]).transform(Number),
  // A message that is no string is shown as JSON: `String()` of a parsed `{"toString": 1}` would throw.
  messages: z
    .array(z.unknown())
    .nullish()
    .transform((m) =>
      (m ?? []).map((message) => (typeof message === 'string' ? message : (JSON.stringify(message) ?? ''))),
    ),
  response: z.unknown(),
});

/**
 * The error in a host answer, if any: a body that is no envelope, or an application code other than 200. Built for
 * the transport's `check` hook, so application errors pass through the same retry rules as HTTP errors.
 */
export function envelopeError(
  body: unknown,
  request: RequestInfo,
  secrets: readonly string[],
): ContractbeheerError | undefined {
  const parsed = hostEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(
      `${request.method} ${request.url}: the host's answer is not an OPENApi envelope {code, messages, response}.`,
      {
        status: 200,
        request,
        secrets,
      },
    );
  }
  const { code, messages } = parsed.data;
  if (code === 200) return undefined;
  const detail = messages.length > 0 ? ` (${messages.join('; ')})` : '';
  return hostError(code, `${request.method} ${request.url}: host code ${code}: ${describeHostCode(code)}${detail}.`, {
    status: 200,
    messages,
    request,
    secrets,
  });
}

/** The `response` of an envelope the check already accepted (`null` when a retry found the work already done). */
export function envelopeResponse(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? ((body as { response?: unknown }).response ?? null) : null;
}
