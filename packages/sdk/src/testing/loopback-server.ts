import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostSandbox } from './host-sandbox.js';

export type RunningSandbox = {
  /** The host's base URL to give `createHostClient`, e.g. `http://127.0.0.1:41234/openapi/8`. */
  baseUrl: string;
  origin: string;
  close(): Promise<void>;
};

/**
 * The body, or `undefined` when it is longer than `limit` bytes. The rest of a long body is read and dropped, not
 * kept: memory stays bounded, and the client still gets the 413 (destroying the request would cut the socket).
 */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

/**
 * Serves a sandbox over real HTTP on loopback (port 0 = any free port). A dropped answer (fault injection) cuts
 * the socket after the effect was committed, as a lost response would.
 */
export async function startSandboxServer(
  sandbox: HostSandbox,
  options: {
    port?: number;
    host?: string;
    /**
     * Pages the host serves besides its API, at its own origin: a power-up's local demo plays the host's screens
     * here (framing the power-up's pages, which only the host's origin may frame). Answer `undefined` to pass.
     */
    pages?: (request: Request) => Response | undefined | Promise<Response | undefined>;
  } = {},
): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  // The handler catches everything itself; `void` marks the promise as deliberately not awaited by node:http.
  const server = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req, sandbox.maxBodyBytes);
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'text/plain' });
        res.end(`Payload Too Large: send at most ${sandbox.maxBodyBytes} bytes per request`);
        return;
      }
      const request = new Request(`http://${host}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]],
        ),
        ...(body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' && { body }),
      });
      const page = await options.pages?.(request);
      if (page !== undefined) {
        res.writeHead(page.status, Object.fromEntries(page.headers.entries()));
        res.end(Buffer.from(await page.arrayBuffer()));
        return;
      }
      const { response, drop } = await sandbox.handle(request);
      if (drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${(error as Error).message}`);
    }
  }
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${sandbox.basePath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
