import type { RouteDefinition } from '../api/route-table.js';
import { CONTRACT_PAGES } from './contracts/contract-pages.js';
import { customerTabPage } from './host-tabs/customer-tab.js';
import { dashboardWidgetPage } from './host-tabs/dashboard-widget.js';
import { objectTabPage } from './host-tabs/object-tab.js';
import { workOrderPanelPage } from './host-tabs/work-order-panel.js';
import { absoluteManifest, buildManifest } from './manifest/manifest.js';
import { pageRoutes, type PageDefinition, type PageRouteDeps } from './page-route.js';
import { cancellationsReportPage } from './reports/cancellations-report-page.js';
import { cancellationReasonsPage, cancellationReasonsPostPage } from './settings/cancellation-reasons-page.js';
import { slaPoliciesPage, slaPoliciesPostPage } from './settings/sla-policies-page.js';
import { termsPage, termsPostPage } from './settings/terms-page.js';

/** Every extension page, in one list: the manifest is built from it, so each capability URL is served. */
const PAGES: readonly PageDefinition[] = [
  objectTabPage,
  customerTabPage,
  workOrderPanelPage,
  dashboardWidgetPage,
  // The contract screens (contracts/): fixed paths before `/pages/contracts/:id`, which would match them too.
  ...CONTRACT_PAGES,
  cancellationsReportPage,
  cancellationReasonsPage,
  cancellationReasonsPostPage,
  termsPage,
  termsPostPage,
  slaPoliciesPage,
  slaPoliciesPostPage,
];

/** The path the host reads the manifest from. */
const MANIFEST_PATH = '/manifest.json';

/** The routes the power-up serves for its host: the pages (each verifying its signed context) and the manifest. */
export function extensionRoutes(deps: PageRouteDeps): RouteDefinition[] {
  const manifest = buildManifest(PAGES);
  return [
    {
      method: 'GET',
      path: MANIFEST_PATH,
      access: 'public',
      handle: (c) => c.json(absoluteManifest(manifest, new URL(c.req.url).origin)),
    },
    ...pageRoutes(PAGES, deps),
  ];
}
