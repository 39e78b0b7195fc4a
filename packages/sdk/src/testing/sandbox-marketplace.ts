import * as z from 'zod';
import { readErrorBody } from '../errors/error-body.js';
import { httpError } from '../errors/error-for.js';
import { ApiError, ConnectionError, TimeoutError, ValidationError } from '../errors/sdk-error.js';
import { signWebhook } from '../webhooks/webhook-signature.js';
import type { HostSandbox } from './host-sandbox.js';

/** The host's side of a tenant as the marketplace hands it to a power-up. */
export type HostTokens = { token: string; softwareToken: string };

export type SandboxMarketplaceOptions = {
  /** The sandbox that plays the tenant's host: its tokens become the host tokens of every install. */
  sandbox: HostSandbox;
  /** The sandbox's own API base URL as the power-up should call it (`RunningSandbox.baseUrl`). */
  hostBaseUrl: string;
  /** The power-up's base URL; its install URL is `<powerUpUrl>/marketplace/install` (uninstall, rotate alike). */
  powerUpUrl: string;
  /** The secret the marketplace shares with this power-up (`CONTRACTBEHEER_MARKETPLACE_SECRET` on its side). */
  secret: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** The marketplace's clock, for the signature's timestamp; default the real one. */
  now?: () => Date;
};

const installAnswerSchema = z.object({
  tenantId: z.string(),
  status: z.enum(['installed', 'uninstalled']),
  created: z.boolean(),
  /** A contracts API key, shown once: on a first install, or an install after an uninstall; else `null`. */
  apiKey: z.string().nullable(),
});
const uninstallAnswerSchema = z.object({
  tenantId: z.string(),
  status: z.literal('uninstalled'),
  uninstalledAt: z.string().nullable(),
  retentionDays: z.number(),
  purgeableAfter: z.string().nullable(),
});
const rotateAnswerSchema = z.object({ tenantId: z.string(), rotated: z.literal(true) });

export type InstallAnswer = z.infer<typeof installAnswerSchema> & {
  /** The webhook secret the marketplace gave the power-up for this tenant (the sandbox signs its webhooks with it). */
  webhookSecret: string;
};
export type UninstallAnswer = z.infer<typeof uninstallAnswerSchema>;
export type RotateAnswer = z.infer<typeof rotateAnswerSchema> & { webhookSecret: string | undefined };

/** A fresh webhook secret, as the marketplace issues one per install. */
function newWebhookSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `whsec_${hex}`;
}

/**
 * The marketplace's side of the install lifecycle, for local runs and tests: it installs a power-up into the
 * sandbox host by URL, as the real marketplace would — a signed `POST <powerUpUrl>/marketplace/install` carrying the
 * tenant id and name, the sandbox's base URL, its host tokens and a new webhook secret — and uninstalls and rotates
 * the same way. Requests are signed with the scheme of `@contractbeheer/sdk/webhooks` (`x-contractbeheer-signature`)
 * under the shared marketplace secret, each one anew: the power-up refuses a replayed signature.
 *
 * @example
 * const sandbox = createHostSandbox();
 * const host = await startSandboxServer(sandbox);
 * const marketplace = createSandboxMarketplace({
 *   sandbox, hostBaseUrl: host.baseUrl, powerUpUrl: 'http://127.0.0.1:3000', secret: process.env.MARKETPLACE_SECRET!,
 * });
 * const { apiKey } = await marketplace.install({ tenantId: 'demo', tenantName: 'Demo BV' });
 */
export class SandboxMarketplace {
  /** The webhook secret last given to the power-up, per tenant. */
  readonly webhookSecrets = new Map<string, string>();
  private readonly options: SandboxMarketplaceOptions;
  /** Signatures already sent (`<t>.<body>`): the same body in the same second would repeat one, a replay. */
  private readonly sent = new Set<string>();

  constructor(options: SandboxMarketplaceOptions) {
    if (options === null || typeof options !== 'object') {
      throw new ValidationError('createSandboxMarketplace: pass { sandbox, hostBaseUrl, powerUpUrl, secret }.');
    }
    for (const name of ['hostBaseUrl', 'powerUpUrl'] as const) {
      if (typeof options[name] !== 'string' || !URL.canParse(options[name])) {
        throw new ValidationError(`createSandboxMarketplace: ${name} must be an absolute http(s) URL.`);
      }
    }
    if (typeof options.secret !== 'string' || options.secret.trim() === '') {
      throw new ValidationError(
        'createSandboxMarketplace: give the marketplace secret the power-up was configured with.',
      );
    }
    this.options = options;
  }

  /** The host tokens every install carries: the sandbox's own, so the power-up can call it. */
  get hostTokens(): HostTokens {
    return { token: this.options.sandbox.token, softwareToken: this.options.sandbox.softwareToken };
  }

  /**
   * Installs the power-up for a tenant. With `webhookUrl`, the sandbox also starts sending its signed webhooks
   * there with the tenant's new webhook secret, as the host would once the install is done.
   */
  async install(input: {
    tenantId: string;
    tenantName: string;
    /** Default: a new random one. */
    webhookSecret?: string;
    webhookUrl?: string;
  }): Promise<InstallAnswer> {
    const webhookSecret = input.webhookSecret ?? newWebhookSecret();
    const answer = await this.send(
      'install',
      {
        tenantId: input.tenantId,
        tenantName: input.tenantName,
        hostBaseUrl: this.options.hostBaseUrl,
        hostTokens: this.hostTokens,
        webhookSecret,
      },
      installAnswerSchema,
    );
    this.webhookSecrets.set(input.tenantId, webhookSecret);
    if (input.webhookUrl !== undefined) {
      this.options.sandbox.configureWebhooks({ url: input.webhookUrl, secret: webhookSecret });
    }
    return { ...answer, webhookSecret };
  }

  /** Uninstalls: the power-up drops the tenant's credentials and keeps its data for its retention period. */
  async uninstall(tenantId: string): Promise<UninstallAnswer> {
    const answer = await this.send('uninstall', { tenantId }, uninstallAnswerSchema);
    this.webhookSecrets.delete(tenantId);
    return answer;
  }

  /**
   * Rotates the tenant's credentials: new host tokens and/or a new webhook secret (`webhookSecret: true` makes a
   * random one). Give at least one.
   */
  async rotate(
    tenantId: string,
    changes: { hostTokens?: HostTokens; webhookSecret?: string | true },
  ): Promise<RotateAnswer> {
    const webhookSecret = changes.webhookSecret === true ? newWebhookSecret() : changes.webhookSecret;
    const answer = await this.send(
      'rotate',
      {
        tenantId,
        ...(changes.hostTokens !== undefined && { hostTokens: changes.hostTokens }),
        ...(webhookSecret !== undefined && { webhookSecret }),
      },
      rotateAnswerSchema,
    );
    if (webhookSecret !== undefined) this.webhookSecrets.set(tenantId, webhookSecret);
    return { ...answer, webhookSecret };
  }

  private async send<T>(action: string, payload: object, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(`marketplace/${action}`, `${this.options.powerUpUrl.replace(/\/+$/, '')}/`).toString();
    const body = JSON.stringify(payload);
    let timestamp = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    while (this.sent.has(`${timestamp}.${body}`)) timestamp++;
    this.sent.add(`${timestamp}.${body}`);
    const signed = await signWebhook({ payload: body, secret: this.options.secret, timestamp });
    const request = { method: 'POST', url, attempt: 1 };
    const secrets = [this.options.secret, ...Object.values(this.hostTokens)];
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: signed.body,
        headers: signed.headers,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      if ((cause as Error).name === 'TimeoutError') {
        throw new TimeoutError(`marketplace ${action}: ${url} did not answer in time.`, { request, cause, secrets });
      }
      throw new ConnectionError(`marketplace ${action}: cannot reach ${url}: is the power-up running?`, {
        request,
        cause,
        secrets,
      });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const { detail, code, path } = readErrorBody(json);
      throw httpError(response.status, `marketplace ${action} refused with HTTP ${response.status}${detail}`, {
        code,
        path,
        request,
        requestId: response.headers.get('x-request-id') ?? undefined,
        secrets,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(`marketplace ${action}: the power-up's answer is not the expected JSON.`, {
        status: response.status,
        request,
        secrets,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}

/** The marketplace's side for a sandbox host: see {@link SandboxMarketplace}. */
export function createSandboxMarketplace(options: SandboxMarketplaceOptions): SandboxMarketplace {
  return new SandboxMarketplace(options);
}
