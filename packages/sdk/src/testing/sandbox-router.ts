import type { HostRecord } from '../host/host-models.js';
import { own } from './own-key.js';
import { envelope, type Envelope } from './sandbox-envelope.js';

/** One authenticated request, as a route sees it: credentials checked and removed, body parsed. */
export type SandboxCall = {
  method: string;
  /** The path below the base path, without slashes at either end, e.g. `objects/changed`. */
  endpoint: string;
  query: URLSearchParams;
  /** The parsed JSON array of a POST or PUT; `undefined` for other methods. */
  body: HostRecord[] | undefined;
};

/** Answers one endpoint. Stores provide routes, so a new part of the sandbox adds routes without touching this file. */
export type Route = (call: SandboxCall) => Envelope;

/** A request as logged for assertions: method, endpoint and the query without credentials. */
export type LoggedRequest = { method: string; endpoint: string; query: Record<string, string> };

export type SandboxRouterOptions = {
  token: string;
  softwareToken: string;
  /** Where the host's API lives in the URL path, without a trailing slash. */
  basePath: string;
  requireHttps: boolean;
  /** Routes by endpoint name. */
  routes: Readonly<Record<string, Route>>;
  /** Answers every endpoint without a route of its own (the host's master-data lists). */
  fallback: Route;
};

const isRecord = (value: unknown): value is HostRecord =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The host's front door: checks credentials in the order the host does (each failure has its own code), logs the
 * request, parses the body, and hands the call to the endpoint's route. Every answer is an envelope.
 */
export class SandboxRouter {
  /** Every authenticated request, for assertions; credentials are never kept. */
  readonly requests: LoggedRequest[] = [];

  constructor(private readonly options: SandboxRouterOptions) {}

  /** The envelope for one request; `text` is the body of a POST or PUT, already read within the size limit. */
  route(method: string, url: URL, text: string | undefined): Envelope {
    const { token, softwareToken, basePath, requireHttps } = this.options;
    if (requireHttps && url.protocol !== 'https:') return envelope(1006);
    const query = url.searchParams;
    const givenToken = query.get('token');
    const givenSoftwareToken = query.get('software_token');
    if (givenToken === null) return envelope(1002);
    if (givenSoftwareToken === null) return envelope(1003);
    if (givenToken !== token) return envelope(1004);
    if (givenSoftwareToken !== softwareToken) return envelope(1005);
    if (!url.pathname.startsWith(basePath)) return envelope(1000);
    const endpoint = url.pathname.slice(basePath.length).replace(/^\/+|\/+$/g, '');
    if (endpoint === '') return envelope(1000);
    const plainQuery = Object.fromEntries(
      [...query.entries()].filter(([key]) => key !== 'token' && key !== 'software_token'),
    );
    this.requests.push({ method, endpoint, query: plainQuery });

    let body: unknown;
    if (text !== undefined) {
      if (text.trim() === '') return envelope(1008, null, ['Unable to fetch body']);
      try {
        body = JSON.parse(text);
      } catch {
        return envelope(1009, null, ['Unable to parse body']);
      }
      if (!Array.isArray(body) || !body.every(isRecord)) return envelope(1009, null, ['Unable to parse body']);
    }
    // The endpoint comes from the URL: an own-key look-up, so `constructor` or `__proto__` finds no route.
    const route = own(this.options.routes, endpoint) ?? this.options.fallback;
    return route({ method, endpoint, query, body: body as HostRecord[] | undefined });
  }
}
