import { DEFAULT_SHEET_LIMITS, GridBuilder, type SheetLimits } from './grid';

/**
 * Splits delimited text into rows of cells (RFC 4180): a field that starts
 * with a quote may hold delimiters, doubled quotes and line breaks; CRLF, LF
 * and CR end a row. The delimiter is a comma, or a tab when the first line
 * has tabs and no commas (Excel's "Unicode text"). Rows keep their numbers
 * (blank lines stay as empty rows), and cells with content beyond the limits
 * are refused while parsing.
 */
export function parseCsv(text: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  const grid = new GridBuilder(limits);
  let row = 1;
  let column = 1;
  let i = 0;
  const n = body.length;
  while (i < n) {
    let cell: string;
    if (body[i] === '"') {
      // Quoted field: read to the closing quote, then whatever stray text follows it (as Excel does).
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = body.indexOf('"', start);
        if (q < 0) {
          value += body.slice(start);
          i = n;
          break;
        }
        value += body.slice(start, q);
        if (body[q + 1] === '"') {
          value += '"';
          start = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const end = fieldEnd(body, i, delimiter);
      cell = value + body.slice(i, end);
      i = end;
    } else {
      const end = fieldEnd(body, i, delimiter);
      cell = body.slice(i, end);
      i = end;
    }
    grid.add(row, column, cell);
    if (i >= n) break;
    const ch = body[i];
    if (ch === delimiter) {
      column++;
      i++;
      if (i === n) break;
    } else {
      i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1;
      row++;
      column = 1;
    }
  }
  return grid.build();
}

function fieldEnd(body: string, from: number, delimiter: string): number {
  for (let j = from; j < body.length; j++) {
    const ch = body[j];
    if (ch === delimiter || ch === '\n' || ch === '\r') return j;
  }
  return body.length;
}

function guessDelimiter(body: string): string {
  const lineEnd = body.search(/[\r\n]/);
  const first = lineEnd < 0 ? body : body.slice(0, lineEnd);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}
