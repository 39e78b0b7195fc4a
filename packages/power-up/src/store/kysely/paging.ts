import * as z from 'zod';
import { PowerUpError } from '../../power-up-error.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** The page size asked for, checked. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new PowerUpError('invalid-input', `must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, { path: ['limit'] });
  }
  return limit;
}

/** Cursors are opaque to callers: the last row's sort key, as base64url JSON. */
export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify({ p: position })).toString('base64url');
}

const cursorSchema = z.object({ p: z.string() });

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).p;
  } catch (error) {
    throw new PowerUpError(
      'invalid-input',
      "is not a cursor this list handed out: pass a page's nextCursor unchanged.",
      {
        path: ['cursor'],
        cause: error,
      },
    );
  }
}
