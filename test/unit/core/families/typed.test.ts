import { describe, expect, it } from 'vitest';
import { childDateProblems } from '../../../../core/families/child-dates';
import { checkIdNumber, idCheckChar } from '../../../../core/families/id-number';
import { isMobile, normalizeMobile } from '../../../../core/families/mobile';
import { guessMapping, isRosterHeading } from '../../../../core/families/roster';
import { findHeaderRow } from '../../../../core/sheets';

describe('phone numbers as people type them', () => {
  it.each([
    ['１３７００００１２３４', '13700001234'],
    ['１３７　００００　１２３４', '13700001234'],
    ['+86 137 0000 1234', '13700001234'],
    ['＋８６－１３７００００１２３４', '13700001234'],
    ['0086-137-0000-1234', '13700001234'],
    ['0086 13700001234', '13700001234'],
    ['86 13700001234', '13700001234'],
    ['(+86) 137-0000-1234', '13700001234'],
    ['137.0000.1234', '13700001234'],
    ['137—0000—1234', '13700001234'],
    ['137·0000·1234', '13700001234'],
    [' 13700001234 ', '13700001234'],
  ])('%s is the mobile %s', (typed, mobile) => {
    expect(normalizeMobile(typed)).toBe(mobile);
    expect(isMobile(normalizeMobile(typed))).toBe(true);
  });
  it('still refuses what is not a mainland mobile, rather than guessing', () => {
    for (const typed of ['0513-85551234', '1370000123', '137000012345', '+1 415 555 0100', '8613700001234x']) expect(isMobile(normalizeMobile(typed))).toBe(false);
  });
});

describe('ID numbers as people type them', () => {
  const valid = `11010519491231002${idCheckChar('11010519491231002')}`;
  it('accepts full-width digits, a lower-case or full-width x, and grouping spaces or dashes', () => {
    const full = valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('X', 'ｘ');
    for (const typed of [full, valid.toLowerCase(), `${valid.slice(0, 6)} ${valid.slice(6, 14)} ${valid.slice(14)}`, `${valid.slice(0, 6)}-${valid.slice(6, 14)}-${valid.slice(14)}`]) {
      expect(checkIdNumber(typed)).toMatchObject({ ok: true, value: valid });
    }
  });
  it('says when Excel turned the number into 3.20602E+17', () => {
    expect(checkIdNumber('3.20602E+17')).toMatchObject({ ok: false, message: expect.stringContaining('存成了数字'), messageEn: expect.stringContaining('as text') });
  });
});

describe('finding the header row', () => {
  it('skips merged titles, form lines and grouping rows, and takes the row with the most column names', () => {
    const rows = [
      ['某某幼儿园2025年秋季学期在园幼儿花名册', '', '', ''],
      ['填表日期：2025年9月1日', '', '填表人：王老师', ''],
      ['', '', '', ''],
      ['幼儿信息', '', '家长信息', ''],
      ['宝宝姓名', '出生', '联系人', '联系电话'],
      ['王一', '2022-01-01', '王二', '13700001234'],
    ];
    expect(findHeaderRow(rows, isRosterHeading)).toBe(4);
    expect(findHeaderRow([['花名册'], ['x', 'y']], isRosterHeading)).toBe(-1);
  });
  it('maps synonyms and the longest name first, so 家长2电话 is not the first guardian’s phone', () => {
    expect(guessMapping(['联系电话', '家长2电话', '学生姓名', '监护人（父）', '血型'])).toEqual(['guardian1Mobile', 'guardian2Mobile', 'childName', 'guardian1Name', null]);
  });
});

describe('a child’s dates, each at its own field', () => {
  it('calls a birth date in the future a birth-date problem, not an enrolment one', () => {
    expect(childDateProblems({ birthDate: '2027-03-01', enrolledOn: '2026-09-01' }, '2026-11-20')).toEqual([
      expect.objectContaining({ field: 'birthDate', message: '出生日期 2027-03-01 晚于今天（2026-11-20），请核对' }),
    ]);
    expect(childDateProblems({ birthDate: '2023-03-01', enrolledOn: '2023-02-01' }, '2026-11-20')).toEqual([expect.objectContaining({ field: 'enrolledOn' })]);
    expect(childDateProblems({ birthDate: '2023-03-01', enrolledOn: '2026-09-01', busAgreedOn: '2026-12-01' }, '2026-11-20').map((p) => p.field)).toEqual(['busAgreedOn']);
  });
});
