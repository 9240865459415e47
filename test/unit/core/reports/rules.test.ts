import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../../../core/policies';
import { agingBand, daysOverdue } from '../../../../core/reports/arrears';
import { basisOf, noticeText } from '../../../../core/reports/fee-board';
import { homePartsFor, monthsToSettle } from '../../../../core/reports/home';
import { asOfDate, parsePeriodKey, periodRange } from '../../../../core/reports/period';
import { checkLine, emptyTotals } from '../../../../core/reports/check-line';
import { buildReductions } from '../../../../core/reports/reductions';
import { currentStandards, type StandardRow, standardsForChild, standardsInForce } from '../../../../core/reports/standards';

const nantong = getBuiltinPolicy('nantong-2018')!;
let nextId = 1;
const std = (over: Partial<StandardRow>): StandardRow => ({
  id: nextId++,
  item: 'education',
  label: '保教费',
  amountFen: 42000,
  unit: 'month',
  appliesFrom: '2026-09-01',
  level: null,
  enrolledFrom: null,
  overrideClause: null,
  ...over,
});

describe('periods', () => {
  it('reads a month or a year and gives its days and label', () => {
    expect(periodRange({ kind: 'month', month: '2026-02' })).toMatchObject({ first: '2026-02-01', last: '2026-02-28', months: ['2026-02'], label: ['2026年2月', '2026-02'] });
    expect(periodRange({ kind: 'year', year: 2026 })).toMatchObject({ first: '2026-01-01', last: '2026-12-31', label: ['2026年度', 'Year 2026'] });
    expect(periodRange({ kind: 'year', year: 2026 }).months).toHaveLength(12);
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(parsePeriodKey('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(asOfDate(periodRange({ kind: 'month', month: '2026-11' }), '2026-11-23')).toBe('2026-11-23');
    expect(asOfDate(periodRange({ kind: 'month', month: '2026-10' }), '2026-11-23')).toBe('2026-10-31');
  });
});

describe('arrears aging', () => {
  it('counts days past the due date and bands them 0-30, 31-60, over 60', () => {
    expect(daysOverdue('2026-10-10', '2026-10-31')).toBe(21);
    expect(daysOverdue('2026-10-10', '2026-11-23')).toBe(44);
    expect([1, 30, 31, 60, 61].map(agingBand)).toEqual(['d0_30', 'd0_30', 'd31_60', 'd31_60', 'd60_plus']);
  });
});

describe('which standards apply', () => {
  const rows = [
    std({ appliesFrom: '2025-09-01', amountFen: 38000 }),
    std({ appliesFrom: '2026-09-01', amountFen: 42000 }),
    std({ appliesFrom: '2026-09-01', amountFen: 50000, level: 'toddler', label: '保教费（托班）' }),
    std({ appliesFrom: '2027-09-01', amountFen: 46000, enrolledFrom: '2027-09-01' }),
    std({ item: 'agency', label: '幼儿意外伤害保险', amountFen: 10000, unit: 'semester' }),
    std({ item: 'agency', label: '体检费', amountFen: 8000, unit: 'semester' }),
  ];
  it('in force on a day: the newest row of each item, level and group of pupils; 代收费 items by name', () => {
    expect(currentStandards(rows, '2026-11-23').map((r) => [r.item, r.label, r.amountFen])).toEqual([
      ['education', '保教费', 42000],
      ['education', '保教费（托班）', 50000],
      ['agency', '幼儿意外伤害保险', 10000],
      ['agency', '体检费', 8000],
    ]);
    expect(currentStandards(rows, '2026-08-31').map((r) => r.amountFen)).toEqual([38000]);
  });

  it('in force during a year: the replaced row counts for the months before its successor', () => {
    expect(standardsInForce(rows, '2026-01-01', '2026-12-31').map((r) => r.amountFen)).toEqual([38000, 42000, 50000, 10000, 8000]);
    expect(standardsInForce(rows, '2027-01-01', '2027-12-31').map((r) => r.amountFen)).toEqual([42000, 46000, 50000, 10000, 8000]);
  });

  it('for one child: the particular row for its level wins; a new-pupil standard only for pupils enrolled from its date (NT-3.2)', () => {
    expect(standardsForChild(rows, { level: 'toddler', enrolledOn: '2026-09-01' }, '2026-11-23').map((r) => r.amountFen)).toEqual([50000, 10000, 8000]);
    expect(standardsForChild(rows, { level: 'middle', enrolledOn: '2025-09-01' }, '2027-10-01')[0]!.amountFen).toBe(42000);
    expect(standardsForChild(rows, { level: 'middle', enrolledOn: '2027-09-01' }, '2027-10-01')[0]!.amountFen).toBe(46000);
  });
});

describe('the fee board', () => {
  it('cites the clauses that set or limit each item, as the notice numbers them', () => {
    expect(basisOf(nantong, 'education', 'public', null)).toEqual(['南通市收费文件第一条第1款（NT-1.1）', '南通市收费文件第三条第1款（NT-3.1）']);
    expect(basisOf(nantong, 'education', 'nonprofit_private', 'toddler')).toEqual(['南通市收费文件第一条第2款（NT-1.2）', '南通市收费文件第三条第1款（NT-3.1）']);
    expect(basisOf(nantong, 'custody', 'public', null)).toEqual(['南通市收费文件第一条第3款（NT-1.3）']);
    expect(basisOf(nantong, 'bus', 'public', null)).toEqual(['南通市收费文件第三条第5款（NT-3.5）']);
    expect(basisOf(nantong, 'vacation_care', 'public', null)).toEqual(['南通市收费文件第三条第6款（NT-3.6）']);
    expect(basisOf(nantong, 'meal', 'public', null)).toEqual(['南通市收费文件第三条第4款（NT-3.4）']);
    expect(basisOf(nantong, 'agency', 'public', null)).toEqual([]);
  });

  it('prints the notice’s words, not the app’s reading of them', () => {
    const text = nantong.clauses['NT-3.3']!.text;
    expect(text).toContain('本系统按此理解');
    expect(noticeText(text)).not.toContain('本系统');
    expect(noticeText(text)).toContain('按已缴保教费的80%退还');
  });
});

describe('reductions against the 10% guide', () => {
  it('counts half reductions toward the share of financial aid, never exemptions or own discounts (NT-3.7)', () => {
    const enrolled = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, classId: i < 5 ? 1 : 2 }));
    const body = buildReductions({
      entries: [],
      enrolled,
      supported: [
        { childId: 1, classId: 1, category: 'dibao' },
        { childId: 2, classId: 1, category: 'orphan' },
        { childId: 6, classId: 2, category: null },
      ],
      classNames: new Map([
        [1, '小一班'],
        [2, '中一班'],
      ]),
      policy: nantong,
      kindergartenType: 'public',
      check: checkLine({ totals: emptyTotals(), openingFen: 0, closingFen: 0 }),
      totals: emptyTotals(),
    });
    const classes = body.tables.find((t) => t.id === 'classes')!;
    expect(classes.rows).toEqual([
      { className: '小一班', enrolled: 5, supported: 2, counted: 1, share: '20%' },
      { className: '中一班', enrolled: 5, supported: 1, counted: 0, share: '0%' },
    ]);
    expect(classes.total).toMatchObject({ enrolled: 10, supported: 3, counted: 1, share: '10%' });
    const categories = body.tables.find((t) => t.id === 'categories')!;
    expect(categories.rows.map((r) => [r.category, r.guide, r.children])).toEqual([
      [['城乡低保家庭子女', 'dibao'], ['计入', 'Counted'], 1],
      [['孤儿', 'orphan'], ['不计入', 'Not counted'], 1],
      [['本园优惠', 'Own discount'], ['不计入', 'Not counted'], 1],
    ]);
    expect(body.notes[0]![0]).toContain('本期全园资助比例为 10%（计入 1 人 ÷ 在园 10 人），达到 10% 的要求。');
  });
});

describe('the home screen', () => {
  it('shows each role its part', () => {
    expect([...homePartsFor('teacher')]).toEqual(['rollCall', 'followUps', 'calendar']);
    expect(homePartsFor('front_desk').has('arrears')).toBe(true);
    expect(homePartsFor('front_desk').has('unsettled')).toBe(false);
    expect(homePartsFor('finance').has('corrections')).toBe(true);
    expect(homePartsFor('someone').size).toBe(0);
  });

  it('lists ended, billed months with no month-end settlement, oldest first', () => {
    const periods = [
      { first: '2026-09', last: '2027-01' },
      { first: '2026-10', last: '2026-10' },
      { first: '2026-12', last: '2026-12' },
    ];
    expect(monthsToSettle(periods, new Set(['2026-10']), '2026-12')).toEqual(['2026-09', '2026-11']);
    expect(monthsToSettle(periods, new Set(['2026-09', '2026-10', '2026-11']), '2026-12')).toEqual([]);
    expect(monthsToSettle([], new Set(), '2026-12')).toEqual([]);
  });
});
