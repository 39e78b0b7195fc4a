import { ApiError, AuthenticationError, ConnectionError, RateLimitError, TimeoutError } from '@contractbeheer/sdk';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './error-response.js';

const answer = (error: unknown) => {
  const { status, body, retryAfterSeconds, hostFailure } = errorResponse(error, 'req-1');
  return { status, code: body.error.code, retryAfterSeconds, hostFailure };
};

describe("the host's failures as the API answers them", () => {
  it('answers 503 host-unavailable for an unreachable, slow, failing or rate-limiting host', () => {
    const refused = new ConnectionError('GET https://h.example/x could not reach the server', {
      networkCode: 'ECONNREFUSED',
    });
    expect(answer(refused)).toMatchObject({
      status: 503,
      code: 'host-unavailable',
      hostFailure: { kind: 'connection', networkCode: 'ECONNREFUSED' },
    });
    expect(answer(new TimeoutError('timed out'))).toMatchObject({ status: 503, code: 'host-unavailable' });
    expect(answer(new ApiError('failed', { status: 500 }))).toMatchObject({ status: 503, code: 'host-unavailable' });
    // The host's own "uncaught error" code arrives in a 200 envelope.
    expect(answer(new ApiError('failed', { status: 200, appCode: 1007 }))).toMatchObject({ status: 503 });
    expect(answer(new RateLimitError('slow down', { status: 429, retryAfterSeconds: 30 }))).toMatchObject({
      status: 503,
      retryAfterSeconds: 30,
    });
  });

  it('answers 502 host-bad-answer for an answer that is not the host API: not JSON, not the envelope, a redirect', () => {
    const notJson = new ApiError('answered with invalid JSON.', {
      status: 502,
      cause: new SyntaxError('Unexpected <'),
    });
    expect(answer(notJson)).toMatchObject({ status: 502, code: 'host-bad-answer', retryAfterSeconds: undefined });
    expect(answer(new ApiError('not an envelope', { status: 200 }))).toMatchObject({ status: 502 });
    expect(answer(new ApiError('redirected', { status: 302 }))).toMatchObject({ status: 502 });
  });

  it("keeps the SDK's text (the host URL) out of the body", () => {
    const error = new ConnectionError('GET https://secret-host.example/openapi/v8/objects?token=abc could not reach');
    expect(JSON.stringify(errorResponse(error, 'r').body)).not.toContain('secret-host');
  });

  it('leaves other SDK errors (the host refused the token) to the usual handling', () => {
    expect(answer(new AuthenticationError('token refused', { appCode: 1002 }))).toMatchObject({
      status: 500,
      code: 'internal',
      hostFailure: undefined,
    });
  });
});
