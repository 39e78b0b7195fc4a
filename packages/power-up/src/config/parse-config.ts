import path from 'node:path';
import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import { MARKETPLACE_SECRET_VARIABLE, MIN_MARKETPLACE_SECRET_LENGTH } from './marketplace-secret.js';
import { HOW_TO_GENERATE, parseSecretKey, type SecretKey } from './secret-key.js';

/** Where the data lives: the embedded PGlite in the data directory, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; connectionString: string };

/**
 * Where the secret key comes from: the environment, or — on a local start without one — a key generated once into
 * the data directory (see `resolveSecretKey`).
 */
export type SecretKeySource =
  { kind: 'environment'; key: SecretKey } | { kind: 'generate-in-data-dir'; dataDir: string };

/** Where the marketplace's signing secret comes from: the environment, or generated once locally. */
export type MarketplaceSecretSource =
  { kind: 'environment'; secret: string } | { kind: 'generate-in-data-dir'; dataDir: string };

export type PowerUpConfig = {
  environment: 'production' | 'development' | 'test';
  /** Absolute path of the data directory (the embedded database, a generated key). */
  dataDir: string;
  database: DatabaseConfig;
  http: { host: string; port: number };
  secretKey: SecretKeySource;
  /**
   * Keys that sealed credentials before the current one: still used to open them, never to seal. Keep an old key
   * here until `reencryptCredentials` has moved every record to the current key.
   */
  previousSecretKeys: SecretKey[];
  marketplaceSecret: MarketplaceSecretSource;
  /** pino's log level (`LOG_LEVEL`); unset: the caller's default. */
  logLevel?: LogLevel;
  /**
   * The pause between two generation ticks, in ms (`GENERATION_INTERVAL_SECONDS`; default 60 s, and off under
   * `NODE_ENV=test`); 0: this instance generates nothing (another one does, or `contractbeheer generate` is run).
   * Absent: off.
   */
  generationIntervalMs?: number;
  /**
   * How often the tenants' hosts are polled for changes, in ms (`HOST_POLL_INTERVAL_SECONDS`; default 0: not polled,
   * the hosts push webhooks). Absent: off.
   */
  hostPollIntervalMs?: number;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** The variables the power-up reads, with what each may hold. Unknown variables are ignored. */
const envSchema = z.object({
  NODE_ENV: z
    .enum(['production', 'development', 'test'], { error: "use 'production', 'development' or 'test'" })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      error: "use a PostgreSQL URL such as 'postgres://user@host:5432/db', or leave it unset for the embedded database",
    })
    .optional(),
  CONTRACTBEHEER_DATA_DIR: z
    .string()
    .min(1, { error: 'may not be empty: leave it unset for ./.contractbeheer/' })
    .optional(),
  PORT: z
    .string()
    .regex(/^\d+$/, { error: 'use a port number 1–65535' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: 'use a port number 1–65535' })
        .max(65_535, { error: 'use a port number 1–65535' }),
    )
    .optional(),
  HOST: z.string().min(1, { error: "may not be empty: leave it unset for 127.0.0.1, or use '0.0.0.0'" }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).optional(),
  GENERATION_INTERVAL_SECONDS: z
    .string()
    .regex(/^\d+$/, { error: 'use a whole number of seconds (0 turns generation off on this instance)' })
    .transform(Number)
    .pipe(z.number().int().max(86_400, { error: 'use at most 86400 seconds (a day)' }))
    .optional(),
  HOST_POLL_INTERVAL_SECONDS: z
    .string()
    .regex(/^\d+$/, { error: 'use a whole number of seconds (0 turns polling off; hosts with webhooks need none)' })
    .transform(Number)
    .pipe(z.number().int().max(86_400, { error: 'use at most 86400 seconds (a day)' }))
    .optional(),
  CONTRACTBEHEER_SECRET_KEY: z.string().optional(),
  CONTRACTBEHEER_PREVIOUS_SECRET_KEYS: z.string().optional(),
  [MARKETPLACE_SECRET_VARIABLE]: z
    .string()
    .min(MIN_MARKETPLACE_SECRET_LENGTH, {
      error: `use the secret the marketplace gave you (at least ${MIN_MARKETPLACE_SECRET_LENGTH} characters)`,
    })
    .optional(),
});

const DEFAULT_DATA_DIR = '.contractbeheer';
const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_GENERATION_INTERVAL_SECONDS = 60;

/** Empty variables count as unset: `PORT= contractbeheer start` means "the default", as in most shells' tools. */
function withoutEmpty(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

/**
 * Reads the power-up's settings from an environment object (pure: no file system, no `process.env`). Relative paths
 * are taken from `cwd`. A bad value throws a `PowerUpError` (`invalid-config`) whose path is the variable's name.
 *
 * @example
 * parseConfig({ PORT: '8080' }, { cwd: '/srv/app' }).database;
 * // { kind: 'pglite', dataDir: '/srv/app/.contractbeheer/db' }
 */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: { cwd: string },
): PowerUpConfig {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new PowerUpError('invalid-config', `${issue.message}.`, { path: [variable] });
  }
  const vars = parsed.data;
  const environment = vars.NODE_ENV ?? 'development';
  const dataDir = path.resolve(options.cwd, vars.CONTRACTBEHEER_DATA_DIR ?? DEFAULT_DATA_DIR);
  const database: DatabaseConfig =
    vars.DATABASE_URL === undefined
      ? { kind: 'pglite', dataDir: path.join(dataDir, 'db') }
      : { kind: 'postgres', connectionString: vars.DATABASE_URL };

  let secretKey: SecretKeySource;
  if (vars.CONTRACTBEHEER_SECRET_KEY !== undefined) {
    secretKey = {
      kind: 'environment',
      key: parseSecretKey(vars.CONTRACTBEHEER_SECRET_KEY, ['CONTRACTBEHEER_SECRET_KEY']),
    };
  } else if (environment === 'production') {
    // A key generated on one machine's disk would lock every other instance out of the stored credentials.
    throw new PowerUpError(
      'invalid-config',
      'is required when NODE_ENV=production: set it to 32 random bytes in base64, e.g. the output of ' +
        `${HOW_TO_GENERATE}, and keep it in your secret store.`,
      { path: ['CONTRACTBEHEER_SECRET_KEY'] },
    );
  } else {
    secretKey = { kind: 'generate-in-data-dir', dataDir };
  }

  const previousSecretKeys = (vars.CONTRACTBEHEER_PREVIOUS_SECRET_KEYS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => parseSecretKey(text, ['CONTRACTBEHEER_PREVIOUS_SECRET_KEYS']));

  const given = vars[MARKETPLACE_SECRET_VARIABLE];
  let marketplaceSecret: MarketplaceSecretSource;
  if (given !== undefined) marketplaceSecret = { kind: 'environment', secret: given };
  else if (environment === 'production') {
    // A generated secret would be one the marketplace does not know: every install would be refused.
    throw new PowerUpError(
      'invalid-config',
      'is required when NODE_ENV=production: set it to the signing secret the marketplace issued for this power-up.',
      { path: [MARKETPLACE_SECRET_VARIABLE] },
    );
  } else marketplaceSecret = { kind: 'generate-in-data-dir', dataDir };

  return {
    environment,
    dataDir,
    database,
    http: { host: vars.HOST ?? DEFAULT_HOST, port: vars.PORT ?? DEFAULT_PORT },
    secretKey,
    previousSecretKeys,
    marketplaceSecret,
    ...(vars.LOG_LEVEL !== undefined && { logLevel: vars.LOG_LEVEL }),
    generationIntervalMs:
      (vars.GENERATION_INTERVAL_SECONDS ?? (environment === 'test' ? 0 : DEFAULT_GENERATION_INTERVAL_SECONDS)) * 1000,
    hostPollIntervalMs: (vars.HOST_POLL_INTERVAL_SECONDS ?? 0) * 1000,
  };
}
