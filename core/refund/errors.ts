/**
 * The case cannot be computed as given. `message` is English (the command line
 * prints `error: <message>`); `messageZh` is for the front desk.
 */
export class RefundInputError extends Error {
  override readonly name = 'RefundInputError';

  constructor(
    readonly code: string,
    message: string,
    readonly messageZh: string,
    /** The input field at fault ("fees[0].paid"), when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function inputError(code: string, message: string, messageZh: string, field?: string): never {
  throw new RefundInputError(code, message, messageZh, field);
}
