import { describe, expect, it } from 'vitest';
import { formatCalendarText, parseCalendarText } from '../../../core/attendance';

describe('typing a year calendar as the State Council notice lists it', () => {
  it('expands ranges and reads make-up days separated by commas or spaces', () => {
    const r = parseCalendarText('2027-01-01 元旦\n\n2027-02-06~2027-02-08 春节\n2027-04-05至2027-04-05 清明节', '2027-02-13，2027-02-14 2027-05-08');
    expect(r.errors).toEqual([]);
    expect(r.holidays.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
    ]);
    expect(r.makeupWorkdays).toEqual(['2027-02-13', '2027-02-14', '2027-05-08']);
    expect(formatCalendarText(r.holidays)).toBe('2027-01-01 元旦\n2027-02-06~2027-02-08 春节\n2027-04-05 清明节');
  });

  it('names the line it cannot read', () => {
    const r = parseCalendarText('2027-01-01 元旦\n2027-02-30 春节\n春节', '2027-13-01');
    expect(r.errors).toEqual([
      '假日第 2 行“2027-02-30 春节”看不懂，请写成“2027-01-01 元旦”或“2027-02-06~2027-02-14 春节”。',
      '假日第 3 行“春节”看不懂，请写成“2027-01-01 元旦”或“2027-02-06~2027-02-14 春节”。',
      '调休上班日“2027-13-01”不是有效日期（YYYY-MM-DD）。',
    ]);
  });
});
