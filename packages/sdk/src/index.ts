/**
 * @contractbeheer/sdk — typed access to the OutSmart host (OPENApi v8) and to the Contractbeheer contracts API.
 * This first release maps planned work orders onto the host's PostWorkorders records; the HTTP clients follow.
 */
export { workOrderNumberFor } from './host/work-order-number.js';
export {
  hostCustomerSchema,
  toHostDate,
  toPostWorkorder,
  type HostCustomer,
  type PostWorkorderRecord,
} from './host/post-workorder.js';
