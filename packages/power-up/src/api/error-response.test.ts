import { CoreError } from '@contractbeheer/core';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { PowerUpError } from '../power-up-error.js';
import { errorResponse } from './error-response.js';

describe('errorResponse', () => {
  it("passes the core's code, message and field path through unchanged", () => {
    const error = new CoreError('invalid-schedule', 'pick at least one weekday.', { path: ['schedule', 'weekdays'] });
    expect(errorResponse(error, 'req-1')).toEqual({
      status: 400,
      expected: true,
      body: {
        error: {
          code: 'invalid-schedule',
          // The message without the path baked in: the field travels as `path`, for a page to show it next to it.
          message: 'pick at least one weekday.',
          path: ['schedule', 'weekdays'],
        },
      },
    });
    expect(errorResponse(new CoreError('not-allowed', 'x'), 'req-1').status).toBe(409);
    // Every core code has a status in the shared map (this one was missing and answered 500).
    expect(errorResponse(new CoreError('date-out-of-range', 'x'), 'req-1').status).toBe(400);
  });

  it("passes the power-up's code, message and field path through unchanged, the path apart from the message", () => {
    const error = new PowerUpError('invalid-input', 'must be a whole number from 1 to 200.', { path: ['limit'] });
    expect(errorResponse(error, 'req-1')).toEqual({
      status: 400,
      expected: true,
      body: { error: { code: 'invalid-input', message: 'must be a whole number from 1 to 200.', path: ['limit'] } },
    });
  });

  it("maps the power-up's codes to their statuses", () => {
    const status = (code: ConstructorParameters<typeof PowerUpError>[0]) =>
      errorResponse(new PowerUpError(code, 'x'), 'r').status;
    expect(status('not-found')).toBe(404);
    expect(status('unauthenticated')).toBe(401);
    expect(status('invalid-signature')).toBe(401);
    expect(status('replayed-request')).toBe(409);
    expect(status('payload-too-large')).toBe(413);
    expect(status('credentials-unreadable')).toBe(500);
  });

  it('hides the text of an unexpected error behind the request id', () => {
    const leaky = new Error('connect ECONNREFUSED postgres://app:hunter2@db:5432');
    const { status, body, expected } = errorResponse(leaky, 'req-42');
    expect([status, expected]).toEqual([500, false]);
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/request id req-42/);
    expect(JSON.stringify(body)).not.toContain('hunter2');
    // An error merely shaped like ours (a driver's `code: 'not-found'`) is not trusted as one.
    expect(errorResponse(Object.assign(new Error('x'), { code: 'not-found' }), 'r').status).toBe(500);
    expect(errorResponse(new HTTPException(415, { message: 'unsupported' }), 'r').status).toBe(415);
  });
});
