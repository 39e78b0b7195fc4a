import { pino, type DestinationStream, type Logger } from 'pino';
import { perTurnDestination } from './log-lines-per-turn.js';

/**
 * Paths pino blanks out wherever they appear in a log object: credentials and anything named like one. Messages
 * never hold secrets by design (see `PowerUpError`); this catches objects that are logged whole.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers["x-contractbeheer-signature"]',
  'req.headers.authorization',
  'req.headers["x-contractbeheer-signature"]',
  'hostTokens',
  'token',
  'softwareToken',
  'webhookSecret',
  'apiKey',
  'key',
  'secret',
  'password',
  '*.authorization',
  '*.hostTokens',
  '*.token',
  '*.softwareToken',
  '*.webhookSecret',
  '*.apiKey',
  '*.key',
  '*.secret',
  '*.password',
];

export type LoggerOptions = { level?: string; destination?: DestinationStream };

/**
 * The service's structured logger: JSON lines on stdout (or `destination`), secrets redacted. Lines to stdout are
 * written a turn of the event loop at a time (`perTurnDestination`), through pino's synchronous destination.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'contractbeheer',
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? perTurnDestination(pino.destination({ dest: 1, sync: true })),
  );
}
