import type { HostRecord } from '../host/host-models.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { deleteEntityRoute } from './delete-entity.js';
import { FaultInjector } from './fault-injector.js';
import { MasterDataStore } from './master-data-store.js';
import { DEFAULT_MAX_BODY_BYTES, readLimitedBody } from './request-body.js';
import { envelopeResponse } from './sandbox-envelope.js';
import { NO_FAULTS, type SandboxFaults } from './sandbox-faults.js';
import { SandboxRouter } from './sandbox-router.js';
import { WebhookEmitter } from './webhook-emitter.js';
import { WorkOrderStore } from './work-order-store.js';

export const SANDBOX_TOKEN = 'sandbox-client-token';
export const SANDBOX_SOFTWARE_TOKEN = 'sandbox-software-token';

/** See {@link HostSandbox.workOrderTally}. */
export type WorkOrderTally = { workOrders: number; postsByNumber: Record<string, number> };

/** The answer to one request, and whether to cut the connection instead of sending it (after the effect). */
export type SandboxAnswer = { response: Response; drop: boolean };

export type SandboxOptions = {
  token?: string;
  softwareToken?: string;
  /** Answer 1006 to plain-HTTP requests, as the real host does (off by default: the sandbox runs on loopback). */
  requireHttps?: boolean;
  faults?: Partial<SandboxFaults>;
  /** Seed of the fault generator. */
  seed?: number;
  /** The sandbox's clock (for CreationDate and events); default the real one. */
  now?: () => Date;
  /** Where the host's API lives in the URL path. */
  basePath?: string;
  /** Request bodies longer than this many bytes get HTTP 413, as from the host's front proxy; default 5 MB. */
  maxBodyBytes?: number;
};

/**
 * An in-memory emulator of the OutSmart OPENApi v8 endpoints the SDK uses, with the real API's quirks: HTTP 200 with
 * an application code for every answer, tokens in the query string, strings for numbers, comma decimals for material
 * prices, state-changing GETs and `update_status` defaulting to true. It can also emit signed webhooks and inject
 * faults. Serve it with {@link sandboxHandlers} (msw) or {@link startSandboxServer} (real HTTP on loopback).
 */
// This class only wires the parts together and keeps the public surface; each job lives in its own file: the router
// (credentials, envelope), the work-order and master-data stores, the fault injector and the webhook emitter.
export class HostSandbox {
  readonly token: string;
  readonly softwareToken: string;
  readonly basePath: string;
  readonly maxBodyBytes: number;
  /** Master data per endpoint, in the host's shapes; without a prototype, so no request can name one of its keys. */
  readonly records: Record<string, HostRecord[]>;
  /** Work orders by row id, in the shape GetWorkorder returns. */
  readonly workOrders: Map<number, HostRecord>;
  /** Object codes changed "in the app" and not yet acknowledged. */
  readonly changedObjects: Set<string>;
  /** How many PostWorkorders records carried each WorkorderNo (more than 1: the client posted it again). */
  readonly workOrderPosts: ReadonlyMap<string, number>;
  faults: SandboxFaults;
  /** Every request seen, for assertions: method, endpoint and the (credential-free) query. */
  readonly requests: { method: string; endpoint: string; query: Record<string, string> }[];
  /** Every webhook delivery attempted, with the HTTP status the receiver answered (0 when unreachable). */
  readonly deliveries: { event: WebhookEvent; status: number }[];
  private readonly masterData: MasterDataStore;
  private readonly workOrderStore: WorkOrderStore;
  private readonly router: SandboxRouter;
  private readonly faultInjector: FaultInjector;
  private readonly webhooks: WebhookEmitter;

  constructor(options: SandboxOptions = {}) {
    this.token = options.token ?? SANDBOX_TOKEN;
    this.softwareToken = options.softwareToken ?? SANDBOX_SOFTWARE_TOKEN;
    this.basePath = (options.basePath ?? '/openapi/8').replace(/\/+$/, '');
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    // NaN would compare false with every size and lift the limit altogether.
    if (!(this.maxBodyBytes >= 0)) {
      throw new RangeError('createHostSandbox: maxBodyBytes must be a number of bytes, 0 or more.');
    }
    const now = options.now ?? (() => new Date());
    this.faultInjector = new FaultInjector(() => this.faults, options.seed ?? 1);
    this.webhooks = new WebhookEmitter(now);
    const emit = this.webhooks.emit;
    this.masterData = new MasterDataStore({ now, emit });
    const hasEmployee = (number: string) => this.masterData.hasEmployee(number);
    this.workOrderStore = new WorkOrderStore({ now, emit, hasEmployee });
    this.router = new SandboxRouter({
      token: this.token,
      softwareToken: this.softwareToken,
      basePath: this.basePath,
      requireHttps: options.requireHttps ?? false,
      routes: {
        ...this.workOrderStore.routes(),
        ...this.masterData.routes(),
        DeleteEntity: deleteEntityRoute((entity) =>
          entity === 'workorder' ? this.workOrderStore.delete : this.masterData.deleterFor(entity),
        ),
      },
      fallback: this.masterData.listRoute,
    });
    // The parts' own collections, not copies: tests read and seed them through the sandbox.
    this.records = this.masterData.records;
    this.workOrders = this.workOrderStore.workOrders;
    this.changedObjects = this.masterData.changedObjects;
    this.workOrderPosts = this.workOrderStore.postsByNumber;
    this.requests = this.router.requests;
    this.deliveries = this.webhooks.deliveries;
  }

  setFaults(faults: Partial<SandboxFaults>): void {
    this.faults = { ...NO_FAULTS, ...faults };
  }

  /** Signed webhooks for every change go to `url` from now on. */
  configureWebhooks(target: { url: string; secret: string } | undefined): void {
    this.webhooks.configure(target);
  }

  /** Waits until every webhook delivery started so far has finished. */
  async flushWebhooks(): Promise<void> {
    await this.webhooks.flush();
  }

  /** Moves a work order along as the field would (Opgehaald, Compleet), with hours and materials. */
  progressWorkOrder(
    rowId: number,
    status: 'Opgehaald' | 'Compleet',
    extra: { Workperiods?: HostRecord[]; Materials?: HostRecord[] } = {},
  ): HostRecord {
    return this.workOrderStore.progress(rowId, status, extra);
  }

  /** Changes an object "in the app": it shows up in `objects/changed` until acknowledged. */
  changeObjectInApp(code: string, changes: HostRecord): void {
    this.masterData.changeObject(code, changes);
  }

  /**
   * What a test asks of a sandbox in another process (see `startSandboxServer`'s inspection path): how many work
   * orders it holds, and how many PostWorkorders records carried each WorkorderNo.
   */
  workOrderTally(): WorkOrderTally {
    return { workOrders: this.workOrders.size, postsByNumber: Object.fromEntries(this.workOrderPosts) };
  }

  /** Answers one request as the host would. */
  async handle(request: Request): Promise<SandboxAnswer> {
    const url = new URL(request.url);
    // Order matters for a seeded scenario: faults that refuse a request come before its body is even read.
    const refused = await this.faultInjector.beforeEffect();
    if (refused !== undefined) return { response: refused, drop: false };
    let text: string | undefined;
    if (request.method === 'POST' || request.method === 'PUT') {
      text = await readLimitedBody(request, this.maxBodyBytes);
      if (text === undefined) {
        const message = `Payload Too Large: send at most ${this.maxBodyBytes} bytes per request`;
        const response = new Response(message, { status: 413, headers: { 'content-type': 'text/plain' } });
        return { response, drop: false };
      }
    }
    const drop = this.faultInjector.dropAfterCommit();
    return { response: envelopeResponse(this.router.route(request.method, url, text)), drop };
  }
}

/** A fresh sandbox with demo data. */
export function createHostSandbox(options: SandboxOptions = {}): HostSandbox {
  return new HostSandbox(options);
}
