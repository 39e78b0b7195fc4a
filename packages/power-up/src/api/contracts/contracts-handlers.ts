import { contractHandlers } from './contract-handlers.js';
import type { OperationHandlers } from './operation-routes.js';
import { scheduleHandlers } from './schedule-handlers.js';
import { settingsHandlers } from './settings-handlers.js';

/** Every operation of the SDK's route table, by operation id (the type makes a missing one a compile error). */
export const CONTRACTS_HANDLERS: OperationHandlers = { ...contractHandlers, ...scheduleHandlers, ...settingsHandlers };
