import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS } from '../../../core/audit/actions';
import { describeEntry, fieldLabel, formatValue } from '../../../renderer/settings/audit/format';

const zh = (a: string) => a;
const en = (_: string, b: string) => b;
const names = { classes: new Map([[3, '苗苗班']]), children: { '17': '王小明' } };

describe('audit screen wording', () => {
  // The handlers can only write actions of this union (AuditEntry.action), so labelling the union labels them all.
  it('labels every audit action in Chinese and English', () => {
    expect(AUDIT_ACTION_NAMES.length).toBeGreaterThan(40);
    for (const action of AUDIT_ACTION_NAMES) {
      const [zh, en] = AUDIT_ACTIONS[action];
      expect(zh, action).toMatch(/\p{Script=Han}/u);
      expect(en, action).toMatch(/^[A-Z][A-Za-z -]+$/);
    }
  });

  it('never shows a raw action code, even for one without a label', () => {
    expect(describeEntry({ action: 'attendance.rollCall', entity: 'class', entityId: '3', summary: '苗苗班 2026-11-20 点名：出勤 20' }, en)).toBe('Roll call：苗苗班 2026-11-20 点名：出勤 20');
    expect(describeEntry({ action: 'something.new', entity: 'x', entityId: null, summary: '' }, zh)).toBe('其他操作');
  });

  it('shows children by name, codes in words, and no JSON', () => {
    expect(fieldLabel('17', 'attendance.rollCall', zh, names)).toBe('王小明');
    expect(formatValue('status', 'sick', zh, names)).toBe('病假');
    expect(formatValue('status', 'withdrawn', en, names)).toBe('Withdrawn');
    expect(formatValue('classId', 3, zh, names)).toBe('苗苗班');
    expect(formatValue('semesters', [{ name: '上学期' }, { name: '下学期' }], en, names)).toBe('2 items');
    expect(formatValue('before', { status: 'present', note: '迟到' }, zh, names)).toBe('状态：出勤，备注：迟到');
  });
});
