import { sheetError } from './errors';

/**
 * What every spreadsheet reader returns: the rows of one sheet as displayed
 * text, a rectangle starting at A1 that ends at the last row and column with
 * something in them (empty formatted space beyond is dropped).
 */
export interface SheetGrid {
  /** The sheet the rows come from ('' for a CSV file). */
  sheet: string;
  /** Every sheet in the workbook, in tab order (empty for CSV). */
  sheets: string[];
  rows: string[][];
}

/** How much of a sheet is read at most. Anything with content beyond is refused, never silently cut. */
export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
  /** Cells with content; bounds the work for a sheet dense to its row and column limits. */
  maxCells: number;
}

/** Several times the largest import (3,000 children × 20 columns, 2,000 questionnaires × 40 questions). */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 5000, maxColumns: 500, maxCells: 300_000 };

/** Excel's column letters: 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const hasContent = (cell: string) => cell.trim() !== '';

/**
 * Collects cells (1-based row and column) into a grid, checking each against
 * the limits before it is stored, so a cell at the sheet's far corner costs
 * one check, not a walk over every empty cell before it.
 */
export class GridBuilder {
  private readonly cells = new Map<number, Map<number, string>>();
  private width = 0;
  private height = 0;
  private count = 0;

  constructor(private readonly limits: SheetLimits) {}

  add(row: number, column: number, text: string): void {
    if (!hasContent(text)) return;
    if (row > this.limits.maxRows || column > this.limits.maxColumns) refuseOutside(row, column, this.limits);
    if (++this.count > this.limits.maxCells) {
      sheetError(
        `表格中有内容的单元格超过 ${this.limits.maxCells} 个，一次读不完。请把数据分成几个文件后再导入。`,
        `More than ${this.limits.maxCells} cells with content.`,
      );
    }
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    line.set(column, text);
    if (column > this.width) this.width = column;
    if (row > this.height) this.height = row;
  }

  build(): string[][] {
    const rows: string[][] = [];
    for (let r = 1; r <= this.height; r++) {
      const line = this.cells.get(r);
      const cells = new Array<string>(this.width).fill('');
      if (line) for (const [c, text] of line) cells[c - 1] = text;
      rows.push(cells);
    }
    return rows;
  }
}

function refuseOutside(row: number, column: number, limits: SheetLimits): never {
  const where = `${columnLetters(column)}${row}`;
  return sheetError(
    `表格的 ${where} 单元格有内容，超出了一次能读取的范围（最多 ${limits.maxRows} 行、${limits.maxColumns} 列）。请删除表格边缘多余的内容，或把数据分成几个文件后再导入。`,
    `Cell ${where} has content beyond what can be read at once (${limits.maxRows} rows, ${limits.maxColumns} columns).`,
  );
}
