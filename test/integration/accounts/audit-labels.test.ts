import { describe, expect, it } from 'vitest';
import { describeEntry, fieldLabel, formatValue } from '../../../renderer/settings/audit/format';

const zh = (a: string) => a;
const en = (_: string, b: string) => b;
const names = { classes: { '3': '苗苗班' }, children: { '17': '王小明' }, households: { '5': '王小明、王小红' }, guardians: { '9': '王建国' }, staff: { '1': '周园长' }, semesters: {} };

describe('audit screen wording', () => {
  it('never shows a raw action code, even for one without a label', () => {
    expect(describeEntry({ action: 'attendance.rollCall', entity: 'class', entityId: '3', summary: '苗苗班 2026-11-20 点名：出勤 20' }, en)).toBe('Roll call');
    expect(describeEntry({ action: 'attendance.rollCall', entity: 'class', entityId: '3', summary: '苗苗班 2026-11-20 点名：出勤 20' }, zh)).toBe('苗苗班 2026-11-20 点名：出勤 20');
    expect(describeEntry({ action: 'something.new', entity: 'x', entityId: null, summary: '' }, zh)).toBe('其他操作');
  });

  it('shows children by name, codes in words, and no JSON', () => {
    expect(fieldLabel('17', 'attendance.rollCall', zh, names)).toBe('王小明');
    expect(formatValue('status', 'sick', zh, names)).toBe('病假');
    expect(formatValue('status', 'withdrawn', en, names)).toBe('Withdrawn');
    expect(formatValue('classId', 3, zh, names)).toBe('苗苗班');
    expect(formatValue('staffId', 1, zh, names)).toBe('周园长');
    expect(formatValue('householdId', 5, zh, names)).toBe('王小明、王小红');
    expect(formatValue('guardianId', 9, en, names)).toBe('王建国');
    expect(formatValue('childIds', [17, 99], zh, names)).toBe('王小明、#99');
    expect(fieldLabel('staffId', 'contact.create', zh, names)).toBe('经办人');
    expect(formatValue('semesters', [{ name: '上学期' }, { name: '下学期' }], en, names)).toBe('2 items');
    expect(formatValue('before', { status: 'present', note: '迟到' }, zh, names)).toBe('状态：出勤，备注：迟到');
    // Money is stored in fen; a settlement's counts and source have names too.
    expect(formatValue('totalFen', 294272, zh, names)).toBe('2942.72 元');
    expect(formatValue('amountFen', 83000, en, names)).toBe('¥830.00');
    expect(fieldLabel('ledgerEntries', 'settlement.month', zh, names)).toBe('账户分录');
    expect(formatValue('source', 'cli', zh, names)).toBe('命令行');
    expect(formatValue('method', 'wechat', zh, names)).toBe('微信');
  });
});
