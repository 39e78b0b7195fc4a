import { describe, expect, it } from 'vitest';
import { PowerUpError, VersionConflictError } from './power-up-error.js';

describe('PowerUpError', () => {
  it("keeps the path out of the message, as a property the HTTP body passes on unchanged (like core's CoreError)", () => {
    const error = new PowerUpError('invalid-config', 'use a port number 1–65535.', { path: ['PORT'] });
    expect(error).toMatchObject({ code: 'invalid-config', path: ['PORT'], message: 'use a port number 1–65535.' });
    expect(error.pathMessage).toBe('PORT: use a port number 1–65535.');
    expect(String(error)).toBe('PowerUpError: PORT: use a port number 1–65535.');
  });

  it('joins a nested path with dots, and without a path the message stands alone', () => {
    const nested = new PowerUpError('invalid-input', 'expected text.', { path: ['changes', 'lines', 0, 'name'] });
    expect(nested.pathMessage).toBe('changes.lines.0.name: expected text.');
    const bare = new PowerUpError('not-found', 'there is no contract C-9.');
    expect(bare.path).toEqual([]);
    expect(bare.pathMessage).toBe('there is no contract C-9.');
    expect(String(bare)).toBe('PowerUpError: there is no contract C-9.');
  });

  it('a version conflict names its own class and the version field', () => {
    const error = new VersionConflictError('contract C-1', 3, 4);
    expect(error).toMatchObject({ code: 'version-conflict', path: ['version'], expectedVersion: 3, actualVersion: 4 });
    expect(error.message).toMatch(/^contract C-1 is at version 4/);
    expect(String(error)).toMatch(/^VersionConflictError: version: contract C-1 is at version 4/);
  });
});
