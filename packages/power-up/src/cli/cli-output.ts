/** Where the CLI writes: results on stdout (scripts read them), messages and progress on stderr. */
export type CliOutput = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stdout is a terminal: progress bars and tables then, plain lines otherwise. */
  interactive: boolean;
};

export const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  interactive: process.stdout.isTTY === true && process.stderr.isTTY === true,
};
