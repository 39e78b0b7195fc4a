import type { PageDefinition } from '../page-route.js';
import { contractDetailPage, renewContractPage, restartContractPage } from './contract-detail-page.js';
import {
  createContractPage,
  editContractPage,
  newContractPage,
  schedulePreviewPage,
  updateContractPage,
} from './contract-form-pages.js';
import { terminateContractPage, terminateDialogPage } from './contract-terminate-page.js';

/** The contract screens, in route order: fixed paths before `/pages/contracts/:id`, which would match them too. */
export const CONTRACT_PAGES: readonly PageDefinition[] = [
  newContractPage,
  createContractPage,
  schedulePreviewPage,
  editContractPage,
  updateContractPage,
  terminateDialogPage,
  terminateContractPage,
  renewContractPage,
  restartContractPage,
  contractDetailPage,
];
