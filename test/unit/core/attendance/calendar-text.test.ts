import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar, LegalCalendar } from '../../../../core/calendar';
import { formatCalendarText, parseCalendarText, parseNoticeText } from '../../../../core/attendance';
import { parseTypedDate } from '../../../../core/calendar/dates';

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

// The State Council's notice for 2025 as published (国办发明电〔2024〕12号).
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`;

describe('pasting the State Council notice', () => {
  it('reads the 2025 notice into exactly the days the bundled calendar has, so every month gets the same W', () => {
    const r = parseNoticeText(2025, NOTICE_2025);
    expect(r.errors).toEqual([]);
    const bundled = bundledLegalCalendar();
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const days = months.flatMap((m) => bundled.monthDays(m));
    expect(r.holidays.map((h) => h.date)).toEqual(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
    expect(r.makeupWorkdays).toEqual(days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date));
    expect(r.holidays.find((h) => h.date === '2025-10-06')?.name).toBe('国庆节·中秋节');
    const entered = new LegalCalendar([{ year: 2025, holidays: r.holidays, makeupWorkdays: r.makeupWorkdays }], false);
    expect(months.map((m) => entered.legalWorkingDays(m))).toEqual(months.map((m) => bundled.legalWorkingDays(m)));
  });

  it('keeps only the days of the year being entered when a holiday runs across New Year', () => {
    const r = parseNoticeText(2023, '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n二、春节：1月21日至27日放假调休，共7天。1月28日（周六）、1月29日（周日）上班。');
    expect(r.holidays.map((h) => h.date)).toEqual(['2023-01-01', '2023-01-02', ...['21', '22', '23', '24', '25', '26', '27'].map((d) => `2023-01-${d}`)]);
    expect(r.makeupWorkdays).toEqual(['2023-01-28', '2023-01-29']);
    expect(parseNoticeText(2026, '一、元旦：12月31日至1月2日放假').holidays.map((h) => h.date)).toEqual(['2026-01-01', '2026-01-02']);
  });

  it('says so when the pasted text has no holidays in it', () => {
    expect(parseNoticeText(2027, '请粘贴通知').errors).toEqual(['没有从通知中读到放假安排。请粘贴“一、元旦：……放假……”这样的正文。']);
  });
});

describe('typing a date', () => {
  it('takes the ways staff write a day and refuses days that do not exist', () => {
    for (const typed of ['2026-11-23', '2026/11/23', '2026.11.23', '2026年11月23日', '20261123', ' 2026-11-23 ']) expect(parseTypedDate(typed)).toBe('2026-11-23');
    expect(parseTypedDate('2026-3-5')).toBe('2026-03-05');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '11/23/2026', '', '2026-11']) expect(parseTypedDate(bad)).toBeNull();
  });
});
