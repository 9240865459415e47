import { base64Bytes, readSheetFile } from '../../sheets/read';

/** A questionnaire export's non-blank rows with their sheet row numbers (the one reader of the app: bounded, CSV or .xlsx). */
export async function readSpreadsheet(fileName: string, base64: string): Promise<{ row: number; cells: string[] }[]> {
  const { rows } = await readSheetFile(fileName, base64Bytes(base64));
  return rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
}
