import { describe, expect, it } from 'vitest';
import { calendarYearChangeRefusal, calendarYearRemovalRefusal } from '../../../../core/calendar';

describe('a legal calendar year frozen once it was counted with', () => {
  it('cannot change once a month of it is settled, naming the months', () => {
    expect(calendarYearChangeRefusal(2027, ['2027-01', '2027-02'], [])?.zh).toBe('2027 年已有已结算的月份（2027-01、2027-02），其法定日历不能再修改。');
  });

  it('cannot turn a day with a roll call into a holiday; otherwise it may change', () => {
    expect(calendarYearChangeRefusal(2027, [], ['2027-02-10'])?.en).toBe('2027-02-10 already have attendance and cannot become holidays.');
    expect(calendarYearChangeRefusal(2027, [], [])).toBeNull();
  });

  it('cannot be removed while roll calls, closures or settled months use it', () => {
    expect(calendarYearRemovalRefusal(2027, { records: 0, closures: 0, settled: 0 })).toBeNull();
    for (const use of [{ records: 1, closures: 0, settled: 0 }, { records: 0, closures: 1, settled: 0 }, { records: 0, closures: 0, settled: 1 }]) {
      expect(calendarYearRemovalRefusal(2027, use)?.zh).toContain('不能删除');
    }
  });
});
