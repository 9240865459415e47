import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber } from '../../../../core/families/id-number';
import { daysOpen, feedbackChangeProblem, statusChangeProblem } from '../../../../core/families/lifecycle';
import { isMobile, maskMobile, normalizeMobile } from '../../../../core/families/mobile';
import { guessMapping, parseDateCell } from '../../../../core/families/roster';
import { type SearchEntry, searchIndex } from '../../../../core/families/search';
import { pinyinKeys } from '../../../../core/search/pinyin';

describe('ID numbers (GB 11643)', () => {
  it('accepts a number with the right check character and reads birth date and gender from it', () => {
    // The standard's own example number.
    expect(checkIdNumber('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'F' });
    const boy = `32060220230401123${idCheckChar('32060220230401123')}`;
    expect(checkIdNumber(boy)).toMatchObject({ ok: true, gender: 'M', birthDate: '2023-04-01' });
  });
  it('rejects a wrong check character, an impossible date and the wrong length, in Chinese', () => {
    expect(checkIdNumber('110105194912310021')).toMatchObject({ ok: false, message: '身份证号校验位不正确，请核对' });
    expect(checkIdNumber(`32060220230230123${idCheckChar('32060220230230123')}`)).toMatchObject({ message: '身份证号中的出生日期无效' });
    expect(checkIdNumber('12345')).toMatchObject({ ok: false });
  });
  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('mobile numbers', () => {
  it('tidies spaces, dashes and +86 but rejects anything that is not 11 digits from 13–19', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('search ranking', () => {
  const entry = (kind: 'child' | 'guardian', id: number, name: string, mobile = ''): SearchEntry => {
    const keys = pinyinKeys(name);
    return { kind, id, householdId: id, name, pinyin: keys.full, initials: keys.initials, mobile };
  };
  const entries = [entry('child', 1, '张三'), entry('child', 2, '张三丰'), entry('child', 3, '周深'), entry('guardian', 4, '赵四', '13912345678'), entry('child', 5, '李张三')];
  const names = (q: string) => searchIndex(entries, q, 10).map((h) => h.entry.name);

  it('finds by initials, full pinyin, Chinese and phone digits, best match first', () => {
    expect(names('zs')).toEqual(['张三', '周深', '赵四', '张三丰']);
    expect(names('zhangsan')).toEqual(['张三', '张三丰', '李张三']);
    expect(names('张三')).toEqual(['张三', '张三丰', '李张三']);
    expect(names('5678')).toEqual(['赵四']);
    expect(names('139')).toEqual(['赵四']);
  });
  it('ignores empty queries and two-digit phone fragments, and respects what the caller may see', () => {
    expect(names('  ')).toEqual([]);
    expect(names('78')).toEqual([]);
    expect(searchIndex(entries, 'zs', 10, (e) => e.kind === 'child').map((h) => h.entry.id)).toEqual([1, 3, 2]);
  });
});

describe('roster cells', () => {
  it('reads the date formats spreadsheets produce', () => {
    for (const raw of ['2023-03-08', '2023/3/8', '2023.3.8', '2023年3月8日', '20230308', '44993']) expect(parseDateCell(raw)).toBe('2023-03-08');
    expect(parseDateCell('2023-02-30')).toBeNull();
    expect(parseDateCell('三月')).toBeNull();
  });
  it('maps common Chinese headers, preferring exact names over loose ones', () => {
    const m = guessMapping(['序号', '姓名', '性别', '出生日期', '班级', '家长姓名', '手机号码', '家长2手机']);
    expect(m).toEqual([null, 'childName', 'gender', 'birthDate', 'className', 'guardian1Name', 'guardian1Mobile', 'guardian2Mobile']);
  });
});

describe('lifecycles', () => {
  it('allows leaving with a reason, coming back, and nothing after graduation', () => {
    const now = { status: 'enrolled' as const, since: '2026-09-01' };
    expect(statusChangeProblem(now, { status: 'withdrawn', effectiveOn: '2026-11-01', reason: '搬家' })).toBeNull();
    expect(statusChangeProblem(now, { status: 'withdrawn', effectiveOn: '2026-11-01', reason: ' ' })).toEqual({ field: 'reason', message: '请填写休学、退园或毕业的原因' });
    expect(statusChangeProblem(now, { status: 'suspended', effectiveOn: '2026-08-01', reason: '病' })).toMatchObject({ field: 'effectiveOn', message: expect.stringContaining('不能早于') });
    expect(statusChangeProblem({ status: 'graduated', since: '2026-07-01' }, { status: 'enrolled', effectiveOn: '2026-09-01', reason: '' })).toMatchObject({ field: 'status', message: expect.stringContaining('已毕业') });
  });
  it('needs a reply before a complaint is replied or closed, and counts days open', () => {
    expect(feedbackChangeProblem('open', 'closed', '')).toMatchObject({ field: 'reply', message: expect.stringContaining('答复') });
    expect(feedbackChangeProblem('open', 'closed', '已处理')).toBeNull();
    expect(feedbackChangeProblem('closed', 'open', '')).toMatchObject({ field: 'status', message: expect.stringContaining('重新打开') });
    expect(daysOpen('2026-11-01', null, '2026-11-20')).toBe(19);
    expect(daysOpen('2026-11-01', '2026-11-03', '2026-11-20')).toBe(2);
  });
});
