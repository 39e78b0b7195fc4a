import { describeCrashTest } from './crash-suite.js';

// File-backed PGlite, as the embedded default runs: a process killed mid-write must leave a database that opens.
describeCrashTest('pglite', 20261130);
