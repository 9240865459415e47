import { describe, expect, it } from 'vitest';
import { DEFAULT_SHEET_LIMITS, dateStyles, isDateFormat, serialDateText, sharedStrings, sheetRows, workbookSheets } from '../../../../core/sheets';
import { refusal } from './helpers';

const noStyles = { dates: new Set<number>(), date1904: false };
const sheet = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:XFD1048576"/><sheetData>${rows}</sheetData></worksheet>`;

describe('sharedStrings', () => {
  it('joins rich-text runs, decodes entities and leaves phonetic guides out', () => {
    const xml = `<sst><si><t>林小雨</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">苗苗</t></r><r><t>班 &amp; &lt;二&gt; &#x4E00;&#20108;</t></r></si><si><t/></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`;
    expect(sharedStrings(xml)).toEqual(['林小雨', '苗苗班 & <二> 一二', '', '東京']);
  });
});

describe('date formats', () => {
  it('knows built-in date styles, including the 年月日 ones Chinese Excel uses, and custom ones', () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    expect([...dateStyles(styles)]).toEqual([1, 2, 3]);
  });

  it('reads a format code as Excel does: quoted text, brackets and escapes do not count', () => {
    expect(['yyyy-mm-dd', 'h:mm', '[$-804]yyyy"年"m"月"', 'YYYY/MM/DD', '[h]:mm:ss'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['General', '0.00', '#,##0"元"', '0.00_);[Red](0.00)', '"days"0', '@', 'G/通用格式'].map(isDateFormat)).toEqual([false, false, false, false, false, false, false]);
  });

  it('turns serial numbers into dates and times, in both date systems', () => {
    expect(serialDateText(45000)).toBe('2023-03-15');
    expect(serialDateText(45000.5)).toBe('2023-03-15 12:00');
    expect(serialDateText(0.3125)).toBe('07:30');
    expect(serialDateText(43538, true)).toBe('2023-03-15');
    expect(serialDateText(-5)).toBe('-5');
  });
});

describe('workbookSheets', () => {
  it('lists sheets in tab order with their parts, marks hidden ones, reads the 1904 flag', () => {
    const workbook = `<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="说明" sheetId="3" state="hidden" r:id="rId3"/><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="/xl/worksheets/./../worksheets/s3.xml"/></Relationships>`;
    expect(workbookSheets(workbook, rels)).toEqual({
      date1904: true,
      sheets: [
        { name: '说明', path: 'xl/worksheets/s3.xml', hidden: true },
        { name: '花名册', path: 'xl/worksheets/sheet1.xml', hidden: false },
      ],
    });
  });
});

describe('sheetRows', () => {
  it('reads shared, inline, formula, boolean, error and date cells as displayed text', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c><c r="C1" t="str"><f>A1&amp;"x"</f><v>姓名x</v></c></row>' +
        '<row r="2"><c r="A2"><v>13911112222</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" s="1"><v>45000</v></c><c r="E2"><v>0.30000000000000004</v></c><c r="F2" t="d"><v>2023-05-12T00:00:00Z</v></c></row>',
    );
    expect(sheetRows(xml, ['姓名'], { dates: new Set([1]), date1904: false }, DEFAULT_SHEET_LIMITS)).toEqual([
      ['姓名', '手机', '姓名x', '', '', ''],
      ['13911112222', 'TRUE', '#N/A', '2023-03-15', '0.3', '2023-05-12'],
    ]);
  });

  it('places rows and cells without an address after the previous ones, and accepts namespace prefixes', () => {
    const xml = `<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="C1"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row><x:row><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(sheetRows(xml, [], noStyles, DEFAULT_SHEET_LIMITS)).toEqual([
      ['a', '', '3', '4'],
      ['5', '', '', ''],
    ]);
  });

  it('skips formatted empty cells and rows, however far they reach', () => {
    const xml = sheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"/></row><row r="900000" s="2" customFormat="1"><c r="XFD900000" s="3"/></row><row r="1048576"><c r="XFD1048576" s="1"/></row>`);
    expect(sheetRows(xml, [], noStyles, DEFAULT_SHEET_LIMITS)).toEqual([['1']]);
  });

  it('refuses a value outside the limits, naming the cell, without walking the cells before it', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(refusal(() => sheetRows(xml, [], noStyles, DEFAULT_SHEET_LIMITS))).toMatch(/XFD1048576 单元格有内容/);
  });

  it('refuses a cell reference that is not an address', () => {
    expect(refusal(() => sheetRows(sheet('<row r="1"><c r="A99999999"><v>1</v></c></row>'), [], noStyles, DEFAULT_SHEET_LIMITS))).toMatch(/无法识别/);
  });

  it('keeps whitespace inside cells and treats whitespace-only cells as empty', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 林 </t></is></c><c r="B1" t="inlineStr"><is><t>  </t></is></c></row>');
    expect(sheetRows(xml, [], noStyles, DEFAULT_SHEET_LIMITS)).toEqual([[' 林 ']]);
  });
});
