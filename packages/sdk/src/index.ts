/**
 * @contractbeheer/sdk — typed access to the OutSmart host (OPENApi v8) for Contractbeheer. Webhooks live at
 * `@contractbeheer/sdk/webhooks`, the host sandbox at `@contractbeheer/sdk/testing`.
 */
export {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  ContractbeheerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  SignatureVerificationError,
  TimeoutError,
  ValidationError,
  type RequestInfo,
  type SdkErrorKind,
} from './errors/sdk-error.js';
export type { CallOptions, Logger } from './transport/transport.js';
export type { RetryPolicy } from './transport/retry-policy.js';
export { createHostClient, DEFAULT_HOST_URL, type HostClient, type HostClientOptions } from './host/host-client.js';
export { hostFilter, HostFilter, type FilterCondition, type FilterOperator } from './host/host-filter.js';
export type {
  HostCodeDescription,
  HostEmployee,
  HostHourType,
  HostMaterial,
  HostObject,
  HostRecord,
  HostRelation,
  HostTimesheetLine,
  HostWorkOrder,
  HostWorkType,
  WorkOrderMaterial,
  WorkOrderStatus,
  WorkPeriod,
} from './host/host-models.js';
export { fromHostDate, hostCents, hostDecimal, toHostDate } from './host/host-values.js';
export { workOrderNumberFor } from './host/work-order-number.js';
export {
  hostCustomerSchema,
  toPostWorkorder,
  type HostCustomer,
  type PostWorkorderRecord,
} from './host/post-workorder.js';
export {
  createContractsClient,
  type ContractsClient,
  type ContractsClientOptions,
  type Precondition,
} from './contracts/contracts-client.js';
export { contractsOpenApiDocument } from './contracts/openapi-document.js';
export { CONTRACTS_ERROR_STATUSES, statusForErrorCode, type ContractsErrorCode } from './errors/error-statuses.js';
export * as contractsApi from './contracts/contracts-api.js';
export type {
  ActionResult,
  CancellationReasonListItem,
  CancellationReportQuery,
  ContractBudget,
  ContractChanges,
  ContractResource,
  CreateContractBody,
  ListContractsQuery,
  MaterialUsed,
  Page,
  PutCancellationReasonResult,
  ScheduleView,
  TenantSettings,
  TenantSettingsInput,
} from './contracts/contracts-api.js';
