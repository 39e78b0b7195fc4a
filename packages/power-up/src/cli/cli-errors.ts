/** The command line is wrong (a malformed option value, a missing choice): exit code 2, with the help hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command failed and has already said why on stderr (e.g. every invalid row of an import): exit code 1. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';
}
