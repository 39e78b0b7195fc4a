import type { PageDefinition } from '../page-route.js';
import { contractDetailPage, renewContractPage, restartContractPage } from './contract-detail-page.js';

/** The contract screens, in route order: fixed paths before `/pages/contracts/:id`, which would match them too. */
export const CONTRACT_PAGES: readonly PageDefinition[] = [renewContractPage, restartContractPage, contractDetailPage];
