import { postgresEngine } from './contracts-harness.js';
import { describeUnreachablePostgres } from '../store/scratch-postgres.js';
import { describeContractsApi } from './contracts-api-suite.js';

const engine = await postgresEngine();

if ('unreachable' in engine) {
  describeUnreachablePostgres('The contracts API suite', engine.unreachable);
} else {
  describeContractsApi(engine);
}
