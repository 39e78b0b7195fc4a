/**
 * Every error the engine throws. `code` says what kind of mistake it is, `path` names the offending field (as a
 * zod-style path into the caller's input), and the message says what to do about it.
 */
export type CoreErrorCode =
  | 'invalid-input'
  | 'invalid-rrule'
  | 'invalid-local-time'
  | 'invalid-time-zone'
  | 'invalid-range'
  | 'date-out-of-range'
  | 'invalid-schedule'
  | 'invalid-command'
  | 'not-allowed'
  | 'version-conflict';

/** Longest message a `CoreError` carries; longer ones (a huge echoed input) are cut in the middle. */
const MAX_MESSAGE = 1_000;

/**
 * Echoes a caller's value in a message: as JSON, cut to `max` characters, so a 10 MB string yields a readable
 * message rather than a 10 MB one.
 */
export function echo(value: unknown, max = 80): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value.length > max ? value.slice(0, max) : value)
        : String(JSON.stringify(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (typeof value === 'string' && value.length > max) return `${text.slice(0, -1)}…" (${value.length} characters)`;
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Cuts a caller's text to `max` characters for a message that quotes it itself (`'…'`). */
export function clip(text: unknown, max = 80): string {
  const value = String(text);
  return value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
}

/**
 * `message` is only the explanation; the offending field is `path`, kept apart so the HTTP body and the SDK's error
 * carry both unchanged and a page can put the message next to the field. `toString()` (what logs and `String(error)`
 * show) joins them: `CoreError: changes.name: expected text, got 5.`
 */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: CoreErrorCode;
  readonly path: readonly (string | number)[];

  constructor(
    code: CoreErrorCode,
    message: string,
    options: { path?: readonly (string | number)[]; cause?: unknown } = {},
  ) {
    // A last line of defence: messages built elsewhere (zod, the zone database) may still echo a huge input.
    const short =
      message.length > MAX_MESSAGE
        ? `${message.slice(0, MAX_MESSAGE / 2)} … ${message.slice(-MAX_MESSAGE / 2)}`
        : message;
    super(short, { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
  }

  /** The field and the explanation in one line, for logs: `changes.name: expected text, got 5.` */
  get pathMessage(): string {
    return this.path.length > 0
      ? `${this.path.map((part) => echoPathPart(part)).join('.')}: ${this.message}`
      : this.message;
  }

  override toString(): string {
    return `${this.name}: ${this.pathMessage}`;
  }
}

/** A path part as it appears in a message: a key taken from the caller's object may itself be huge. */
function echoPathPart(part: string | number): string {
  return typeof part === 'string' && part.length > 80 ? `${part.slice(0, 80)}…` : String(part);
}
