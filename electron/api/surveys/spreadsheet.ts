import { base64Bytes, readSheetFile } from '../../sheets/read';

/** A questionnaire export's rows (the one reader of the app: bounded, CSV or .xlsx), blank rows dropped. */
export async function readSpreadsheet(fileName: string, base64: string): Promise<string[][]> {
  const { rows } = await readSheetFile(fileName, base64Bytes(base64));
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
