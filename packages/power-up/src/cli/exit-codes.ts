/**
 * What `contractbeheer` exits with, for scripts: 0 when the command did what it was asked, 1 when it failed (a bad
 * row in an import, an unknown tenant, an unreachable database, an invalid setting), 2 when the command line itself
 * is wrong (an unknown command or option, a missing argument, a malformed value). `--help` exits 0.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
