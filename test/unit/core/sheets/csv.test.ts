import { describe, expect, it } from 'vitest';
import { columnLetters, decodeText, parseCsv } from '../../../../core/sheets';
import { refusal } from './helpers';

describe('parseCsv', () => {
  it('splits quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi""\nok"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"\nok'],
    ]);
  });

  it('keeps blank lines as rows, so row numbers match the file, and pads rows to one width', () => {
    expect(parseCsv('a,b,c\n\n1\r2,,3\n\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', ''],
      ['2', '', '3'],
    ]);
  });

  it('reads a quote inside an unquoted cell as a character, and text after a closing quote', () => {
    expect(parseCsv('5"寸,"ab"c,"",x\n')).toEqual([['5"寸', 'abc', '', 'x']]);
  });

  it('takes tabs as the delimiter when the first line has tabs and no commas', () => {
    expect(parseCsv('姓名\t班级\n林小雨\t苗苗班, 二楼\n')).toEqual([
      ['姓名', '班级'],
      ['林小雨', '苗苗班, 二楼'],
    ]);
  });

  it('drops empty space past the limits and refuses content there, naming the cell', () => {
    const limits = { maxRows: 3, maxColumns: 2, maxCells: 100 };
    expect(parseCsv(`a,b,,,,,\n${'\n'.repeat(50)}`, limits)).toEqual([['a', 'b']]);
    expect(refusal(() => parseCsv('a,b,c\n', limits))).toBeTruthy();
    expect(refusal(() => parseCsv('a\n\n\nx\n', limits))).toMatch(/A4 单元格有内容/);
  });

  it('refuses a sheet with more cells with content than the limit', () => {
    expect(refusal(() => parseCsv('a,b\nc,d\ne\n', { maxRows: 10, maxColumns: 10, maxCells: 4 }))).toMatch(/超过 4 个/);
  });

  it('reads an unterminated quote to the end of the file', () => {
    expect(parseCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });

  it('refuses a line of two million cells at the first one past the limit', () => {
    expect(refusal(() => parseCsv(`${'x,'.repeat(2_000_000)}\n`, { maxRows: 10, maxColumns: 500, maxCells: 10_000 }))).toMatch(/SG1 单元格/);
  });
});

describe('decodeText', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8('姓名,班级'))).toBe('姓名,班级');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('姓名')]))).toBe('姓名');
  });

  it('reads GB18030/GBK, which Excel on Chinese Windows writes for CSV', () => {
    // 你好，班级 in GBK
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xb0, 0xe0, 0xbc, 0xb6]))).toBe('你好，班级');
  });

  it('reads UTF-16 with its byte-order mark (Excel "Unicode text"), little- and big-endian', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x60, 0x4f, 0x7d, 0x59]);
    const be = new Uint8Array([0xfe, 0xff, 0x4f, 0x60, 0x59, 0x7d]);
    expect(decodeText(le)).toBe('你好');
    expect(decodeText(be)).toBe('你好');
  });
});

describe('columnLetters', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 500, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'SF', 'XFD']);
  });
});
