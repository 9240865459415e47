/**
 * A spreadsheet file that cannot be read as it is. `messageZh` tells the
 * person at the desk what to do with the file; `message` is English.
 */
export class SheetFileError extends Error {
  override readonly name = 'SheetFileError';

  constructor(
    readonly messageZh: string,
    message: string,
  ) {
    super(message);
  }
}

export function sheetError(messageZh: string, message: string): never {
  throw new SheetFileError(messageZh, message);
}
