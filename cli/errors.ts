/** A refusal on the command line: English for scripts and auditors, then the sentence for the clerk. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
