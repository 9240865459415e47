/**
 * Where the column headings are. Exports carry one or two title rows above
 * them (a merged "某某幼儿园2025年秋季学期在园幼儿花名册", "填表日期：…"), blank
 * rows, or a grouping row ("幼儿信息 | 家长信息"); the header is the row among
 * the first few with the most cells the importer recognises as headings.
 */
export const HEADER_SCAN_ROWS = 15;

/** Index of the header row, or -1 when no row has at least `min` recognised headings. */
export function findHeaderRow(rows: readonly (readonly string[])[], isHeading: (cell: string) => boolean, min = 2): number {
  let best = -1;
  let bestScore = min - 1;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, i) => {
    const score = row.filter((cell) => cell.trim() !== '' && isHeading(cell)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
