import { sheetError } from './errors';
import { GridBuilder, type SheetLimits } from './grid';

/**
 * The parts of an .xlsx (SpreadsheetML) this app reads, as decoded XML text:
 * the workbook's sheet list, the shared strings, which cell styles are dates,
 * and the cells of one sheet. A scanner, not a general XML parser: it reads
 * the elements spreadsheet programs write (Excel, WPS, LibreOffice, the survey
 * services) in one pass with indexOf and small regular expressions, visits
 * only cells present in the file, and checks each cell with content against
 * the limits as it meets it. Namespace prefixes (x:c) are accepted.
 */

export interface WorkbookSheet {
  name: string;
  /** The zip path of the sheet's XML, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  hidden: boolean;
}

export interface SheetStyles {
  /** Style index (the s attribute of a cell) → the cell shows a date or time. */
  dates: ReadonlySet<number>;
  date1904: boolean;
}

const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!source.includes('=')) return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m; m = ATTR.exec(source)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body]!;
    const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Each tag in order: name without prefix, closing or not, self-closing or not, its attribute text and where it ends. */
function* tags(xml: string, from = 0, to = xml.length) {
  TAG.lastIndex = from;
  for (let m = TAG.exec(xml); m && m.index < to; m = TAG.exec(xml)) {
    const rest = m[3]!;
    yield {
      name: m[2]!,
      closing: m[1] === '/',
      selfClosing: rest.endsWith('/'),
      attrs: rest,
      start: m.index,
      end: TAG.lastIndex,
    };
  }
}

/** The sheets in tab order with the zip path of each, from xl/workbook.xml and its relationships. */
export function workbookSheets(workbookXml: string, relsXml: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const targets = new Map<string, string>();
  for (const tag of tags(relsXml)) {
    if (tag.name !== 'Relationship' || tag.closing) continue;
    const a = attributes(tag.attrs);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  for (const tag of tags(workbookXml)) {
    if (tag.closing) continue;
    if (tag.name === 'workbookPr') date1904 = /^(1|true)$/.test(attributes(tag.attrs).date1904 ?? '');
    if (tag.name !== 'sheet') continue;
    const a = attributes(tag.attrs);
    const path = a.id ? targets.get(a.id) : undefined;
    if (path) sheets.push({ name: a.name ?? '', path, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  return { sheets, date1904 };
}

function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** The text of each <si>: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let textFrom = -1;
  let phonetic = 0;
  for (const tag of tags(xml)) {
    if (tag.name === 'si') {
      if (!tag.closing) current = [];
      if (tag.closing || tag.selfClosing) {
        strings.push(current?.join('') ?? '');
        current = null;
      }
    } else if (tag.name === 'rPh') {
      if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
    } else if (tag.name === 't' && current && phonetic === 0) {
      if (tag.closing && textFrom >= 0) current.push(decodeXml(xml.slice(textFrom, tag.start)));
      textFrom = tag.closing || tag.selfClosing ? -1 : tag.end;
    }
  }
  return strings;
}

// Built-in number formats that show a date or time (ECMA-376 18.8.30, with the East Asian ids Chinese Excel uses).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: y, m, d, h, s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  // The first section only (positive numbers), as Excel picks it for dates.
  return /[ymdhs]/i.test(bare.split(';')[0] ?? '') && !/^general$/i.test(bare.trim());
}

/** Which cell styles (cellXfs entries, in order) format their number as a date. */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  for (const tag of tags(stylesXml)) {
    if (tag.name === 'numFmt' && !tag.closing) {
      const a = attributes(tag.attrs);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (tag.name === 'cellXfs') {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === 'xf' && inCellXfs && !tag.closing) {
      const id = Number(attributes(tag.attrs).numFmtId ?? 0);
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
      index++;
    }
  }
  return dates;
}

const COLUMN_OF = /(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})/;

function columnNumber(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) & 0x1f);
  return column;
}

/** "XFD1048576" → [1048576, 16384]; null when the reference is not a cell address. */
function cellAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  return m ? [Number(m[2]), columnNumber(m[1]!)] : null;
}

/**
 * The cells of one sheet as displayed text. Rows and cells without an
 * address follow the previous one, as the format allows.
 */
export function sheetRows(xml: string, strings: readonly string[], styles: SheetStyles, limits: SheetLimits): string[][] {
  const begin = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  if (begin < 0) return [];
  const grid = new GridBuilder(limits);
  let row = 0;
  let column = 0;
  let cell: { type: string; style: number } | null = null;
  let value: string | null = null;
  let inline: string[] | null = null;
  let textFrom = -1;
  let phonetic = 0;
  for (const tag of tags(xml, begin)) {
    switch (tag.name) {
      case 'sheetData':
        if (tag.closing) return grid.build();
        break;
      case 'row':
        if (tag.closing) break;
        row = Number(attributes(tag.attrs).r) || row + 1;
        column = 0;
        break;
      case 'c': {
        if (tag.closing) {
          if (cell) grid.add(row, column, cellValue(cell, value, inline, strings, styles));
          cell = null;
          break;
        }
        // A cell with a format and no value (<c r="B7" s="3"/>) is the empty space of a formatted sheet:
        // there may be millions, so only its column is read, to place any cell after it that has no address.
        if (tag.selfClosing) {
          const letters = COLUMN_OF.exec(tag.attrs);
          column = letters ? columnNumber(letters[1]!) : column + 1;
          break;
        }
        const a = attributes(tag.attrs);
        const at = a.r ? cellAddress(a.r) : null;
        if (a.r && !at) sheetError(`表格中的单元格地址「${a.r.slice(0, 20)}」无法识别，文件可能已损坏。`, `Unreadable cell reference ${a.r}.`);
        if (at) [row, column] = [at[0] || row, at[1]];
        else column++;
        cell = { type: a.t ?? 'n', style: Number(a.s ?? 0) };
        value = null;
        inline = null;
        break;
      }
      case 'v':
        if (!cell) break;
        if (tag.closing && textFrom >= 0) value = decodeXml(xml.slice(textFrom, tag.start));
        textFrom = tag.closing || tag.selfClosing ? -1 : tag.end;
        break;
      case 'is':
        if (cell && !tag.closing) inline = [];
        break;
      case 'rPh':
        if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
        break;
      case 't':
        if (!inline || phonetic > 0) break;
        if (tag.closing && textFrom >= 0) inline.push(decodeXml(xml.slice(textFrom, tag.start)));
        textFrom = tag.closing || tag.selfClosing ? -1 : tag.end;
        break;
    }
  }
  return grid.build();
}

function cellValue(cell: { type: string; style: number }, value: string | null, inline: string[] | null, strings: readonly string[], styles: SheetStyles): string {
  switch (cell.type) {
    case 's':
      return value === null ? '' : (strings[Number(value)] ?? '');
    case 'inlineStr':
      return inline?.join('') ?? value ?? '';
    case 'str':
    case 'e':
      return value ?? '';
    case 'b':
      return value === null ? '' : value === '0' ? 'FALSE' : 'TRUE';
    case 'd':
      return value === null ? '' : value.replace(/T00:00(:00(\.0+)?)?Z?$/, '').replace('T', ' ').slice(0, 16);
    default: {
      if (value === null || value.trim() === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      if (styles.dates.has(cell.style)) return serialDateText(n, styles.date1904);
      // As typed: a phone number stored as a number stays 13911112222; 0.1+0.2 shows 0.3 (Excel's 15 digits).
      return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
    }
  }
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial date as YYYY-MM-DD (with HH:mm when it has a time; only
 * HH:mm for a time of day). Day 0 is 1899-12-30 in the 1900 system, as
 * Excel's own count is off by one before March 1900.
 */
export function serialDateText(serial: number, date1904 = false): string {
  if (serial < 0 || serial > 2_958_465) return String(serial);
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25_569) * DAY_MS / 60_000) * 60_000;
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  if (serial < 1) return time;
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
