import { SheetFileError } from '../../../../core/sheets';

/** The Chinese message a SheetFileError carries, or a failure if none was thrown. */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SheetFileError) return error.messageZh;
    throw error;
  }
  throw new Error('expected a SheetFileError');
}
