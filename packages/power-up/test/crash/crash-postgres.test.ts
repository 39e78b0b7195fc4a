import { describeCrashTest } from './crash-suite.js';

describeCrashTest('postgres', 20261201);
