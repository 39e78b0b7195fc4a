import { expect } from 'vitest';
import { CoreError } from '../../src/errors.js';

/** The `CoreError` a call throws; fails the test when it returns or throws anything else. */
export function coreErrorOf(call: () => unknown): CoreError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError');
}
