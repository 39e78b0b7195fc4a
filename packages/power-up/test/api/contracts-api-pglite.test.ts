import { PGLITE } from './contracts-harness.js';
import { describeContractsApi } from './contracts-api-suite.js';

describeContractsApi(PGLITE);
