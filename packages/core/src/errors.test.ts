import { describe, expect, it } from 'vitest';
import { applyContractAction } from './actions/contract-actions.js';
import { CoreError } from './errors.js';
import { parseContract } from './model/contract.js';

describe('CoreError', () => {
  it('keeps the path out of the message, as a property the HTTP body and the SDK pass on unchanged', () => {
    const error = new CoreError('invalid-input', 'expected text, got 5.', { path: ['changes', 'name'] });
    expect(error).toMatchObject({ code: 'invalid-input', path: ['changes', 'name'], message: 'expected text, got 5.' });
    expect(error.pathMessage).toBe('changes.name: expected text, got 5.');
    expect(String(error)).toBe('CoreError: changes.name: expected text, got 5.');
  });

  it('without a path, the message stands alone', () => {
    const error = new CoreError('invalid-range', 'the range is reversed.');
    expect(error.path).toEqual([]);
    expect(error.pathMessage).toBe('the range is reversed.');
  });

  it('zod-validated input names the field in `path`, not in the message', () => {
    try {
      parseContract({});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      const { path, message } = error as CoreError;
      expect(path.length).toBeGreaterThan(0);
      expect(message.startsWith(`${path.join('.')}: `)).toBe(false);
    }
  });

  it('an invalid edit is re-rooted under `changes` with the message of the inner error, untouched', () => {
    const contract = parseContract({
      id: 'C-1',
      version: 3,
      type: 'preventive',
      startDate: '2025-01-01',
      debtorNumber: 'D1',
      schedule: { unit: 'month', day: 15 },
    });
    let inner: CoreError | undefined;
    try {
      parseContract({ ...contract, daysInAdvance: -2 });
    } catch (error) {
      inner = error as CoreError;
    }
    try {
      applyContractAction(
        contract,
        { type: 'edit', expectedVersion: 3, changes: { daysInAdvance: -2 } },
        { asOf: '2025-06-01T08:00:00Z' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ path: ['changes', 'daysInAdvance'], message: inner?.message });
      expect(inner?.message).toMatch(/\S/);
      expect((error as CoreError).cause).toBeInstanceOf(CoreError);
    }
  });
});
