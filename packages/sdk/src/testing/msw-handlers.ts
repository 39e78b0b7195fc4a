import { http, HttpResponse, type HttpHandler } from 'msw';
import type { HostSandbox } from './host-sandbox.js';

/**
 * msw handlers that answer every request under `origin` from the sandbox. A dropped answer (fault injection) becomes
 * a network error after the effect was committed.
 *
 * @example
 * const sandbox = createHostSandbox();
 * const server = setupServer(...sandboxHandlers(sandbox));
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function sandboxHandlers(sandbox: HostSandbox, origin = 'https://www.out-smart.com'): HttpHandler[] {
  return [
    http.all(`${origin.replace(/\/+$/, '')}${sandbox.basePath}/*`, async ({ request }) => {
      const { response, drop } = await sandbox.handle(request);
      return drop ? HttpResponse.error() : response;
    }),
  ];
}
