import * as rruleModule from 'rrule';

/**
 * rrule.js, loaded the same way everywhere. Its package has a CommonJS `main` without detectable named exports and
 * an ESM `module` without a default export: Node's ESM loader sees only `default`, bundlers (esbuild, Vite, webpack)
 * see only the named exports. A namespace import plus this one fallback works under both.
 */
const rrule: typeof rruleModule =
  (rruleModule as typeof rruleModule & { default?: typeof rruleModule }).default ?? rruleModule;

export const { RRule } = rrule;
