import { PowerUpError } from '../power-up-error.js';

/** The one error the generation decision raises: its input breaks an invariant of the ledger (a bug in the shell). */
export function generationInputError(path: readonly (string | number)[], message: string): PowerUpError {
  return new PowerUpError('invalid-input', message, { path });
}
