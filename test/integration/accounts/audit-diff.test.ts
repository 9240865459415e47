import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../../renderer/settings/audit/diff';

describe('audit diff (what the audit screen shows instead of JSON)', () => {
  it('lists only the fields that changed, with old and new values', () => {
    expect(diffRecords({ displayName: '李娜', role: 'teacher', classId: 2, disabled: false }, { displayName: '李娜', role: 'front_desk', classId: null, disabled: false })).toEqual([
      { field: 'role', before: 'teacher', after: 'front_desk', change: 'changed' },
      { field: 'classId', before: 2, after: null, change: 'changed' },
    ]);
  });

  it('a created record shows its filled-in fields; a deleted one shows what it was', () => {
    expect(diffRecords(null, { username: 'wang', classId: null, note: '' })).toEqual([{ field: 'username', before: undefined, after: 'wang', change: 'added' }]);
    expect(diffRecords({ date: '2026-11-02' }, null)).toEqual([{ field: 'date', before: '2026-11-02', after: undefined, change: 'removed' }]);
  });

  it('compares nested objects field by field and arrays as a whole', () => {
    expect(diffRecords({ address: { city: '南通', street: '工农路' }, tags: ['a'] }, { address: { city: '南通', street: '青年路' }, tags: ['a', 'b'] })).toEqual([
      { field: 'address.street', before: '工农路', after: '青年路', change: 'changed' },
      { field: 'tags', before: ['a'], after: ['a', 'b'], change: 'changed' },
    ]);
  });

  it('a detail recorded only with the new value is shown as added, not as emptied and set', () => {
    expect(diffRecords({ status: 'present' }, { status: 'personal', reason: '家长补请假' })).toEqual([
      { field: 'status', before: 'present', after: 'personal', change: 'changed' },
      { field: 'reason', before: undefined, after: '家长补请假', change: 'added' },
    ]);
  });

  it('plain values (not objects) are one change; nothing changed is no rows', () => {
    expect(diffRecords('520.00', '480.00')).toEqual([{ field: '', before: '520.00', after: '480.00', change: 'changed' }]);
    expect(diffRecords({ a: 1 }, { a: 1 })).toEqual([]);
    expect(diffRecords(null, null)).toEqual([]);
  });
});
