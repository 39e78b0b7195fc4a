import type { RouteDefinition } from '../api/route-table.js';
import { CONTRACT_PAGES } from './contracts/contract-pages.js';
import { cancellationsReportPage } from './reports/cancellations-report-page.js';
import { pageRoutes, type PageDefinition, type PageRouteDeps } from './page-route.js';

/** Every extension page, in one list: the manifest names each one's URL, and a test checks that each is served. */
const PAGES: readonly PageDefinition[] = [
  // The contract screens (contracts/): fixed paths before `/pages/contracts/:id`, which would match them too.
  ...CONTRACT_PAGES,
  cancellationsReportPage,
];

/** The routes the power-up serves for its host: the pages (each verifying its signed context) and the manifest. */
export function extensionRoutes(deps: PageRouteDeps): RouteDefinition[] {
  return [...pageRoutes(PAGES, deps)];
}
